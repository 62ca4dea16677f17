#include "scenario_args.h"

#include "common/error.h"

namespace ipclab::cli {

namespace {

/// Why `run PAGE` cannot work, and what the user can run instead.
std::string pageIsNotRunnable(const LessonPage& page, const ScenarioCatalog& catalog) {
    std::string runnable;
    for (const PageLink& link : page.links) {
        if (catalog.find(link.id) != nullptr) {
            runnable += (runnable.empty() ? "" : ", ") + link.id;
        }
    }
    return "'" + page.id + "' is an explanation page (§" + std::to_string(page.section) + ", " +
           page.sourcePath.string() + "), not a runnable scenario; read it in the ipclab app or with " +
           "'ipclab-cli list --json'" +
           (runnable.empty() ? std::string() : "; the scenarios it points to are: " + runnable);
}

} // namespace

std::map<std::string, std::string> parseParamOverrides(const std::vector<std::string>& assignments) {
    std::map<std::string, std::string> overrides;
    for (const std::string& assignment : assignments) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == assignment.size()) {
            throw Error(ErrorKind::BadUsage,
                        "--param \"" + assignment + "\" is not of the form NAME=VALUE (e.g. --param size=4096)");
        }
        const std::string name = assignment.substr(0, equals);
        if (!overrides.emplace(name, assignment.substr(equals + 1)).second) {
            throw Error(ErrorKind::BadUsage, "--param " + name + " is given more than once");
        }
    }
    return overrides;
}

const Scenario& findRunnableScenario(const ScenarioCatalog& catalog, const std::string& id) {
    if (const Scenario* scenario = catalog.find(id)) {
        return *scenario;
    }
    if (const LessonPage* page = catalog.findPage(id)) {
        throw Error(ErrorKind::BadUsage, pageIsNotRunnable(*page, catalog));
    }
    std::string known;
    for (const Scenario& scenario : catalog.scenarios()) {
        known += (known.empty() ? "" : ", ") + scenario.id;
    }
    throw Error(ErrorKind::BadUsage, "unknown scenario '" + id + "'; the scenarios are: " +
                                         (known.empty() ? std::string("(none found)") : known));
}

} // namespace ipclab::cli
