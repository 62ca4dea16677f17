#pragma once

#include "scenario/lesson_page.h"
#include "scenario/scenario.h"

#include <filesystem>
#include <string_view>
#include <variant>

namespace ipclab {

/// Loads and validates one scenario file. Throws Error(BadScenario) whose message names the
/// file, the line (and column) and the field, and says what was expected.
Scenario loadScenarioFile(const std::filesystem::path& path);

/// Same, from text already in memory; `sourceName` stands for the file in messages.
Scenario parseScenario(std::string_view text, const std::filesystem::path& sourceName);

/// What one file of a scenario folder holds: a runnable scenario or an explanation page.
using CatalogEntry = std::variant<Scenario, LessonPage>;

/// Which kinds of file a folder may hold: scenarios/ holds both, scenarios/pages/ pages only.
enum class ExpectedFile {
    ScenarioOrPage, ///< `kind = "page"` makes a page; a file without `kind` is a scenario
    Page,           ///< the file must be a page, `kind = "page"` included
};

/// Loads and validates one file of a scenario folder, telling a page (top-level `kind = "page"`)
/// from a scenario (no `kind`). `resourceDir` is where a page's image is looked for after the
/// page's own folder. Errors as for loadScenarioFile(); links are not resolved here.
CatalogEntry loadCatalogFile(const std::filesystem::path& path, const std::filesystem::path& resourceDir,
                             ExpectedFile expected = ExpectedFile::ScenarioOrPage);

/// Same, from text already in memory; `sourceName` stands for the file in messages.
CatalogEntry parseCatalogFile(std::string_view text, const std::filesystem::path& sourceName,
                              const std::filesystem::path& resourceDir,
                              ExpectedFile expected = ExpectedFile::ScenarioOrPage);

} // namespace ipclab
