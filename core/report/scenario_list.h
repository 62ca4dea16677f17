#pragma once

#include "scenario/scenario.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace ipclab {

/// The document `ipclab-cli list --json` prints: one object per scenario with its id, title,
/// section, mechanism, pattern, summary, source file, processes and parameters (with ranges).
nlohmann::json scenarioListJson(const std::vector<Scenario>& scenarios);

} // namespace ipclab
