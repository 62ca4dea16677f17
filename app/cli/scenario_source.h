#pragma once

#include "scenario/scenario_catalog.h"

#include <string>
#include <vector>

namespace ipclab::cli {

/// The shipped scenarios plus every folder given with --scenarios. A file that does not load is
/// never skipped quietly: each error is printed and Error(BadScenario) thrown, so a typo in an
/// instructor's file stops the command with the file, line and field named.
ScenarioCatalog loadScenarios(const std::vector<std::string>& extraDirs);

/// Prints each of a catalogue's load `errors` and throws Error(BadScenario) counting them, naming
/// what was loaded ("scenario files", "quiz files"); does nothing when there are none.
void throwOnLoadErrors(const std::vector<std::string>& errors, const std::string& what);

} // namespace ipclab::cli
