#pragma once

#include "scenario/scenario_catalog.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ipclab::cli {

struct RepeatOptions {
    std::string scenarioId;
    std::vector<std::string> params;
    int runs = 20;
    bool json = false;
};

/// Declares `repeat SCENARIO [--runs N] [--param k=v]… [--json]` on `app`: a counter scenario
/// run many times untraced, with the histogram of the updates each run lost (§13).
CLI::App* addRepeatCommand(CLI::App& app, RepeatOptions& options);

/// Runs the series; Ctrl-C stops it and keeps the runs done. Returns the exit code.
int runRepeatCommand(const RepeatOptions& options, const ScenarioCatalog& catalog);

} // namespace ipclab::cli
