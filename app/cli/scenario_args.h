#pragma once

#include "scenario/scenario_catalog.h"

#include <map>
#include <string>
#include <vector>

namespace ipclab::cli {

/// "size=4096" -> {"size", "4096"}; values are checked later against the scenario's ranges.
/// Throws Error(BadUsage) for an assignment that is not NAME=VALUE or a name given twice.
std::map<std::string, std::string> parseParamOverrides(const std::vector<std::string>& assignments);

/// The scenario `id` of `catalog`. Throws Error(BadUsage) naming the known scenarios for an
/// unknown id, and saying what to run instead when `id` names an explanation page.
const Scenario& findRunnableScenario(const ScenarioCatalog& catalog, const std::string& id);

} // namespace ipclab::cli
