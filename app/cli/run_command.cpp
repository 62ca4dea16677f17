#include "run_command.h"

#include "cli_messages.h"
#include "common/error.h"
#include "report/run_report.h"
#include "run_table.h"
#include "session/session.h"
#include "stop_signals.h"

#include <CLI/CLI.hpp>

#include <cstring>
#include <iostream>
#include <map>

namespace ipclab::cli {

namespace {

/// "size=4096" -> {"size", "4096"}; values are checked later against the scenario's ranges.
std::map<std::string, std::string> parseOverrides(const std::vector<std::string>& assignments) {
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

const Scenario& findScenario(const ScenarioCatalog& catalog, const std::string& id) {
    if (const Scenario* scenario = catalog.find(id)) {
        return *scenario;
    }
    std::string known;
    for (const Scenario& scenario : catalog.scenarios()) {
        known += (known.empty() ? "" : ", ") + scenario.id;
    }
    throw Error(ErrorKind::BadUsage, "unknown scenario '" + id + "'; the scenarios are: " +
                                         (known.empty() ? std::string("(none found)") : known));
}

} // namespace

CLI::App* addRunCommand(CLI::App& app, RunOptions& options) {
    CLI::App* run = app.add_subcommand("run", "Run one scenario with real processes and report what the kernel did");
    run->add_option("scenario", options.scenarioId, "Scenario id, as shown by 'ipclab-cli list'")
        ->type_name("SCENARIO")
        ->required();
    run->add_option("--param", options.params, "Set a parameter, e.g. size=64K (repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    run->add_flag("--json", options.json, "Print the full report as one JSON document");
    run->add_flag("--no-trace", options.noTrace, "Run at full speed without watching the system calls");
    return run;
}

int runRunCommand(const RunOptions& options, const ScenarioCatalog& catalog) {
    const Scenario& scenario = findScenario(catalog, options.scenarioId);
    const ParamValues params = resolveParams(scenario, parseOverrides(options.params));
    Session session(scenario, params, SessionOptions{defaultWorkerPath(), !options.noTrace, nullptr});

    RunResult result;
    int stopSignal = 0;
    {
        StopSignals stopSignals([&session] { session.requestStop(); });
        result = session.run(nullptr);
        stopSignal = stopSignals.receivedSignal();
    }

    if (options.json) {
        std::cout << runReportJson(scenario, result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << std::endl;
    } else {
        printRunReport(std::cout, scenario, result);
    }
    if (stopSignal != 0) {
        const char* name = sigabbrev_np(stopSignal);
        printError(std::string("stopped by ") + (name != nullptr ? std::string("SIG") + name : "a signal") +
                   "; the workers were ended and their IPC objects removed");
    } else if (!result.succeeded) {
        printError(std::string(labelFor(ErrorKind::ScenarioFailed)) + ": " + result.failure);
    }
    return result.succeeded && !result.stopped ? 0 : 1;
}

} // namespace ipclab::cli
