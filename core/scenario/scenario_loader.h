#pragma once

#include "scenario/scenario.h"

#include <filesystem>
#include <string_view>

namespace ipclab {

/// Loads and validates one scenario file. Throws Error(BadScenario) whose message names the
/// file, the line (and column) and the field, and says what was expected.
Scenario loadScenarioFile(const std::filesystem::path& path);

/// Same, from text already in memory; `sourceName` stands for the file in messages.
Scenario parseScenario(std::string_view text, const std::filesystem::path& sourceName);

} // namespace ipclab
