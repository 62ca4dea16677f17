#pragma once

#include "scenario/scenario.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ipclab {

/// The scenarios found in one or more folders. Files that fail validation are kept out of the
/// list and their errors kept in `errors()`, so one broken file does not hide the others.
class ScenarioCatalog {
public:
    /// Adds every *.toml in `dir` (not recursive), sorted by section then id. A duplicate id
    /// is an error naming both files.
    void addDirectory(const std::filesystem::path& dir);

    const std::vector<Scenario>& scenarios() const { return m_scenarios; }
    const std::vector<std::string>& errors() const { return m_errors; }
    const Scenario* find(const std::string& id) const;

private:
    std::vector<Scenario> m_scenarios;
    std::vector<std::string> m_errors;
};

/// The id of the scenario the app opens on.
inline constexpr const char* kDefaultScenarioId = "pipe-request-response";

/// Where the shipped scenarios are: $IPCLAB_SCENARIOS if set, else the folder beside the
/// installed binaries, else the source tree's scenarios/ (development builds).
std::filesystem::path defaultScenarioDir();

} // namespace ipclab
