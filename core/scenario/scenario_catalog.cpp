#include "scenario/scenario_catalog.h"

#include "common/error.h"
#include "scenario/scenario_loader.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace ipclab {

namespace {

std::vector<std::filesystem::path> tomlFilesIn(const std::filesystem::path& dir, std::error_code& ec) {
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".toml" && it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    // Directory order is arbitrary; a fixed order makes "which duplicate wins" reproducible.
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

void ScenarioCatalog::addDirectory(const std::filesystem::path& dir) {
    std::error_code ec;
    const std::vector<std::filesystem::path> files = tomlFilesIn(dir, ec);
    if (ec) {
        m_errors.push_back(dir.string() + ": cannot read the scenario folder: " + ec.message());
        return;
    }
    for (const std::filesystem::path& file : files) {
        try {
            Scenario scenario = loadScenarioFile(file);
            if (const Scenario* earlier = find(scenario.id)) {
                m_errors.push_back(file.string() + ":" + std::to_string(scenario.idPosition.line) + ":" +
                                   std::to_string(scenario.idPosition.column) + ": field 'id': expected an id no " +
                                   "other scenario uses, got \"" + scenario.id + "\", already the id of " +
                                   earlier->sourcePath.string());
                continue;
            }
            m_scenarios.push_back(std::move(scenario));
        } catch (const Error& error) {
            m_errors.push_back(error.what());
        }
    }
    std::stable_sort(m_scenarios.begin(), m_scenarios.end(), [](const Scenario& a, const Scenario& b) {
        return a.section != b.section ? a.section < b.section : a.id < b.id;
    });
}

const Scenario* ScenarioCatalog::find(const std::string& id) const {
    const auto it = std::find_if(m_scenarios.begin(), m_scenarios.end(),
                                 [&](const Scenario& scenario) { return scenario.id == id; });
    return it == m_scenarios.end() ? nullptr : &*it;
}

std::filesystem::path defaultScenarioDir() {
    if (const char* fromEnv = std::getenv("IPCLAB_SCENARIOS"); fromEnv != nullptr && *fromEnv != '\0') {
        return fromEnv;
    }
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed =
            (exe.parent_path() / ".." / "share" / "ipclab" / "scenarios").lexically_normal();
        if (std::filesystem::is_directory(installed, ec)) {
            return installed;
        }
    }
    return IPCLAB_SOURCE_SCENARIO_DIR;
}

} // namespace ipclab
