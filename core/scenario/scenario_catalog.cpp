#include "scenario/scenario_catalog.h"

#include "common/error.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <system_error>
#include <variant>

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

std::string where(const std::filesystem::path& file, SourcePosition position) {
    return file.string() + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

template <typename Entry> void sortBySectionThenId(std::vector<Entry>& entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.section != b.section ? a.section < b.section : a.id < b.id;
    });
}

/// The first link of `page` that names none of the known ids, or nullptr.
template <typename Known> const PageLink* unknownLink(const LessonPage& page, const Known& isKnown) {
    const auto it =
        std::find_if(page.links.begin(), page.links.end(), [&](const PageLink& link) { return !isKnown(link.id); });
    return it == page.links.end() ? nullptr : &*it;
}

/// Looks beside the binary first (an installed ipclab), then falls back to the source tree.
std::filesystem::path dataDir(const char* envName, const char* installedName, const char* sourceDir) {
    if (const char* fromEnv = std::getenv(envName); fromEnv != nullptr && *fromEnv != '\0') {
        return fromEnv;
    }
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed =
            (exe.parent_path() / ".." / "share" / "ipclab" / installedName).lexically_normal();
        if (std::filesystem::is_directory(installed, ec)) {
            return installed;
        }
    }
    return sourceDir;
}

} // namespace

ScenarioCatalog::ScenarioCatalog(std::filesystem::path resourceDir) : m_resourceDir(std::move(resourceDir)) {}

void ScenarioCatalog::addDirectory(const std::filesystem::path& dir) {
    std::vector<LessonPage> newPages;
    addFolder(dir, ExpectedFile::ScenarioOrPage, newPages);
    std::error_code ec;
    if (const std::filesystem::path pagesDir = dir / "pages"; std::filesystem::is_directory(pagesDir, ec)) {
        addFolder(pagesDir, ExpectedFile::Page, newPages);
    }
    sortBySectionThenId(m_scenarios);
    // Links are checked once the whole folder is in, so that a page may name a scenario read after it.
    addPagesWithKnownLinks(std::move(newPages));
}

void ScenarioCatalog::addFolder(const std::filesystem::path& dir, ExpectedFile expected,
                                std::vector<LessonPage>& newPages) {
    std::error_code ec;
    const std::vector<std::filesystem::path> files = tomlFilesIn(dir, ec);
    if (ec) {
        m_errors.push_back(dir.string() + ": cannot read the scenario folder: " + ec.message());
        return;
    }
    for (const std::filesystem::path& file : files) {
        addFile(file, expected, newPages);
    }
}

void ScenarioCatalog::addFile(const std::filesystem::path& file, ExpectedFile expected,
                              std::vector<LessonPage>& newPages) {
    try {
        CatalogEntry entry = loadCatalogFile(file, m_resourceDir, expected);
        const std::string& id = std::visit([](const auto& loaded) -> const std::string& { return loaded.id; }, entry);
        const SourcePosition idPosition = std::visit([](const auto& loaded) { return loaded.idPosition; }, entry);
        if (const std::filesystem::path earlier = fileWithId(id, newPages); !earlier.empty()) {
            m_errors.push_back(where(file, idPosition) + ": field 'id': expected an id no other scenario or page " +
                               "uses, got \"" + id + "\", already the id of " + earlier.string());
            return;
        }
        if (auto* scenario = std::get_if<Scenario>(&entry)) {
            m_scenarios.push_back(std::move(*scenario));
        } else {
            newPages.push_back(std::get<LessonPage>(std::move(entry)));
        }
    } catch (const Error& error) {
        m_errors.push_back(error.what());
    }
}

void ScenarioCatalog::addPagesWithKnownLinks(std::vector<LessonPage> newPages) {
    // Dropping a page can orphan a link to it from another new page, hence the repeat.
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto page = newPages.begin(); page != newPages.end();) {
            const auto isKnown = [&](const std::string& id) { return !fileWithId(id, newPages).empty(); };
            const PageLink* link = unknownLink(*page, isKnown);
            if (link == nullptr) {
                ++page;
                continue;
            }
            const std::size_t index = static_cast<std::size_t>(link - page->links.data());
            m_errors.push_back(where(page->sourcePath, link->position) + ": field 'links[" + std::to_string(index) +
                               "].id': expected the id of a loaded scenario or page, got \"" + link->id +
                               "\"; nothing has that id ('ipclab-cli list' shows the ids)");
            page = newPages.erase(page);
            dropped = true;
        }
    }
    std::move(newPages.begin(), newPages.end(), std::back_inserter(m_pages));
    sortBySectionThenId(m_pages);
}

std::filesystem::path ScenarioCatalog::fileWithId(const std::string& id,
                                                  const std::vector<LessonPage>& newPages) const {
    if (const Scenario* scenario = find(id)) {
        return scenario->sourcePath;
    }
    if (const LessonPage* page = findPage(id)) {
        return page->sourcePath;
    }
    const auto it =
        std::find_if(newPages.begin(), newPages.end(), [&](const LessonPage& page) { return page.id == id; });
    return it == newPages.end() ? std::filesystem::path() : it->sourcePath;
}

const Scenario* ScenarioCatalog::find(const std::string& id) const {
    const auto it = std::find_if(m_scenarios.begin(), m_scenarios.end(),
                                 [&](const Scenario& scenario) { return scenario.id == id; });
    return it == m_scenarios.end() ? nullptr : &*it;
}

const LessonPage* ScenarioCatalog::findPage(const std::string& id) const {
    const auto it = std::find_if(m_pages.begin(), m_pages.end(), [&](const LessonPage& page) { return page.id == id; });
    return it == m_pages.end() ? nullptr : &*it;
}

std::filesystem::path defaultScenarioDir() {
    return dataDir("IPCLAB_SCENARIOS", "scenarios", IPCLAB_SOURCE_SCENARIO_DIR);
}

std::filesystem::path defaultResourceDir() {
    return dataDir("IPCLAB_RESOURCES", "resources", IPCLAB_SOURCE_RESOURCE_DIR);
}

} // namespace ipclab
