#include "run_command.h"

#include "cli_messages.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "report/chrome_trace.h"
#include "report/run_report.h"
#include "run_table.h"
#include "scenario_args.h"
#include "session/run_recorder.h"
#include "session/session.h"
#include "stop_signals.h"

#include <CLI/CLI.hpp>

#include <cstring>
#include <iostream>
#include <map>
#include <optional>

namespace ipclab::cli {

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
    run->add_option("--trace-out", options.traceOut,
                    "Also write the run as Chrome Trace Event JSON to FILE (open it in ui.perfetto.dev)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    return run;
}

int runRunCommand(const RunOptions& options, const ScenarioCatalog& catalog) {
    const Scenario& scenario = findRunnableScenario(catalog, options.scenarioId);
    const ParamValues params = resolveParams(scenario, parseParamOverrides(options.params));
    // Opened before the run, so that a bad path is reported before any process starts.
    std::optional<AtomicFile> traceFile;
    if (!options.traceOut.empty()) {
        traceFile.emplace(options.traceOut, "--trace-out");
    }
    Session session(scenario, params, SessionOptions{defaultWorkerPath(), !options.noTrace, nullptr});

    RunResult result;
    RunRecorder recorder;
    int stopSignal = 0;
    {
        StopSignals stopSignals([&session] { session.requestStop(); });
        result = session.run(traceFile ? &recorder : nullptr);
        stopSignal = stopSignals.receivedSignal();
    }
    if (traceFile) {
        const ChromeTraceContext context{scenario.id, scenario.title, result.params, result.traced,
                                         result.traceUnavailableReason};
        traceFile->commit(
            chromeTraceJson(recorder.take(), context).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }

    if (options.json) {
        std::cout << runReportJson(scenario, result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << std::endl;
    } else {
        printRunReport(std::cout, scenario, result);
        if (traceFile) {
            std::cout << "Chrome trace written to " << options.traceOut
                      << " (open it in ui.perfetto.dev or chrome://tracing)" << std::endl;
        }
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
