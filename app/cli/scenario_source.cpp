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
    if (catalog.errors().empty()) {
        return catalog;
    }
    for (const std::string& message : catalog.errors()) {
        printError(std::string(labelFor(ErrorKind::BadScenario)) + ": " + message);
    }
    const std::size_t count = catalog.errors().size();
    throw Error(ErrorKind::BadScenario, std::to_string(count) + (count == 1 ? " problem" : " problems") +
                                            " in the scenario files above; fix or remove them and try again");
}

} // namespace ipclab::cli
