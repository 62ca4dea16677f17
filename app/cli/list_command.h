#pragma once

#include "scenario/scenario_catalog.h"

namespace CLI {
class App;
}

namespace ipclab::cli {

struct ListOptions {
    bool json = false;
};

/// Declares `list [--json]` on `app`; the options land in `options` once parsed.
CLI::App* addListCommand(CLI::App& app, ListOptions& options);

/// Prints the scenarios and explanation pages (marked as pages), grouped by lesson section (or as JSON). Returns the
/// exit code.
int runListCommand(const ListOptions& options, const ScenarioCatalog& catalog);

} // namespace ipclab::cli
