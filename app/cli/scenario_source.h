#pragma once

#include "scenario/scenario_catalog.h"

#include <string>
#include <vector>

namespace ipclab::cli {

/// The shipped scenarios plus every folder given with --scenarios. A file that does not load is
/// never skipped quietly: each error is printed and Error(BadScenario) thrown, so a typo in an
/// instructor's file stops the command with the file, line and field named.
ScenarioCatalog loadScenarios(const std::vector<std::string>& extraDirs);

} // namespace ipclab::cli
