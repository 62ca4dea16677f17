#pragma once

#include "scenario/scenario_catalog.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ipclab::cli {

struct RunOptions {
    std::string scenarioId;
    std::vector<std::string> params; ///< "size=4096", as typed
    bool json = false;
    bool noTrace = false;
    std::string traceOut; ///< --trace-out FILE: the run as Chrome Trace Event JSON; empty: none
};

/// Declares `run SCENARIO [--param k=v]... [--json] [--no-trace] [--trace-out FILE]` on `app`.
CLI::App* addRunCommand(CLI::App& app, RunOptions& options);

/// Runs the scenario once with real workers and prints the result. Returns 0 when it succeeded,
/// 1 when it failed or was stopped; throws Error for bad input (exit 2 through exitCodeFor).
int runRunCommand(const RunOptions& options, const ScenarioCatalog& catalog);

} // namespace ipclab::cli
