#pragma once

#include "scenario/lesson_page.h"
#include "scenario/scenario.h"
#include "scenario/scenario_loader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ipclab {

/// Where ipclab's images for explanation pages are: $IPCLAB_RESOURCES if set, else the folder
/// beside the installed binaries (share/ipclab/resources), else the source tree's resources/.
std::filesystem::path defaultResourceDir();

/// The scenarios and explanation pages found in one or more folders. Files that fail validation
/// are kept out of the lists and their errors kept in `errors()`, so one broken file does not
/// hide the others. Scenario and page ids share one namespace.
class ScenarioCatalog {
public:
    /// `resourceDir` is where pages' images are looked for after each page's own folder.
    explicit ScenarioCatalog(std::filesystem::path resourceDir = defaultResourceDir());

    /// Adds every *.toml in `dir` (scenarios, or pages marked `kind = "page"`) and every *.toml
    /// in `dir`/pages (pages only); not recursive otherwise. Both lists stay sorted by section,
    /// then id. A duplicate id is an error naming both files. Once the folder is read, every link
    /// of its pages must name a scenario or page loaded so far (from any folder); a page with a
    /// link that does not is kept out, with an error naming its file, line and column.
    void addDirectory(const std::filesystem::path& dir);

    /// The runnable scenarios.
    const std::vector<Scenario>& scenarios() const { return m_scenarios; }
    /// The explanation pages; they cannot be run.
    const std::vector<LessonPage>& pages() const { return m_pages; }
    const std::vector<std::string>& errors() const { return m_errors; }
    const Scenario* find(const std::string& id) const;
    const LessonPage* findPage(const std::string& id) const;

private:
    void addFile(const std::filesystem::path& file, ExpectedFile expected, std::vector<LessonPage>& newPages);
    void addFolder(const std::filesystem::path& dir, ExpectedFile expected, std::vector<LessonPage>& newPages);
    void addPagesWithKnownLinks(std::vector<LessonPage> newPages);
    /// The file that already holds `id` among what is loaded and `newPages`, or empty.
    std::filesystem::path fileWithId(const std::string& id, const std::vector<LessonPage>& newPages) const;

    std::filesystem::path m_resourceDir;
    std::vector<Scenario> m_scenarios;
    std::vector<LessonPage> m_pages;
    std::vector<std::string> m_errors;
};

/// The id of the scenario the app opens on.
inline constexpr const char* kDefaultScenarioId = "pipe-request-response";

/// Where the shipped scenarios are: $IPCLAB_SCENARIOS if set, else the folder beside the
/// installed binaries, else the source tree's scenarios/ (development builds).
std::filesystem::path defaultScenarioDir();

} // namespace ipclab
