#pragma once

#include "scenario/lesson_page.h"
#include "scenario/scenario.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace ipclab {

/// One object per scenario with its id, title,
/// section, mechanism, pattern, summary, source file, processes and parameters (with ranges).
nlohmann::json scenarioListJson(const std::vector<Scenario>& scenarios);

/// The document `ipclab-cli list --json` prints: scenarios as above and explanation pages, in
/// lesson order (a section's pages before its scenarios), each object with "kind": "scenario" or
/// "page". A page has id, title, section, summary, text, image (path or null), source and links
/// (id and note each). Both inputs must be sorted by section, as ScenarioCatalog keeps them.
nlohmann::json catalogListJson(const std::vector<Scenario>& scenarios, const std::vector<LessonPage>& pages);

} // namespace ipclab
