#include "scenario_source.h"

#include "cli_messages.h"
#include "common/error.h"

namespace ipclab::cli {

ScenarioCatalog loadScenarios(const std::vector<std::string>& extraDirs) {
    ScenarioCatalog catalog;
    catalog.addDirectory(defaultScenarioDir());
    for (const std::string& dir : extraDirs) {
        catalog.addDirectory(dir);
    }
    throwOnLoadErrors(catalog.errors(), "scenario files");
    return catalog;
}

void throwOnLoadErrors(const std::vector<std::string>& errors, const std::string& what) {
    if (errors.empty()) {
        return;
    }
    for (const std::string& message : errors) {
        printError(std::string(labelFor(ErrorKind::BadScenario)) + ": " + message);
    }
    const std::size_t count = errors.size();
    throw Error(ErrorKind::BadScenario, std::to_string(count) + (count == 1 ? " problem" : " problems") + " in the " +
                                            what + " above; fix or remove them and try again");
}

} // namespace ipclab::cli
