#include "report/scenario_list.h"

namespace ipclab {

namespace {

nlohmann::json paramJson(const ParamSpec& spec) {
    return {{"name", spec.name}, {"label", spec.label}, {"unit", spec.unit}, {"default", spec.defaultValue},
            {"min", spec.min},   {"max", spec.max},     {"help", spec.help}};
}

nlohmann::json scenarioJson(const Scenario& scenario) {
    nlohmann::json processes = nlohmann::json::array();
    for (const ProcessSpec& process : scenario.processes) {
        processes.push_back({{"name", process.name}, {"role", process.role}});
    }
    nlohmann::json params = nlohmann::json::array();
    for (const ParamSpec& spec : scenario.params) {
        params.push_back(paramJson(spec));
    }
    return {{"kind", "scenario"},
            {"id", scenario.id},
            {"title", scenario.title},
            {"section", scenario.section},
            {"mechanism", scenario.mechanism},
            {"pattern", scenario.pattern},
            {"summary", scenario.summary},
            {"source", scenario.sourcePath.string()},
            {"processes", std::move(processes)},
            {"params", std::move(params)}};
}

nlohmann::json pageJson(const LessonPage& page) {
    nlohmann::json links = nlohmann::json::array();
    for (const PageLink& link : page.links) {
        links.push_back({{"id", link.id}, {"note", link.note}});
    }
    return {{"kind", "page"},
            {"id", page.id},
            {"title", page.title},
            {"section", page.section},
            {"summary", page.summary},
            {"text", page.text},
            {"image", page.image.empty() ? nlohmann::json() : nlohmann::json(page.imagePath.string())},
            {"source", page.sourcePath.string()},
            {"links", std::move(links)}};
}

} // namespace

nlohmann::json catalogListJson(const std::vector<Scenario>& scenarios, const std::vector<LessonPage>& pages) {
    nlohmann::json list = nlohmann::json::array();
    auto page = pages.begin();
    for (const Scenario& scenario : scenarios) {
        // Both lists are sorted by section; a section's pages come before its scenarios.
        for (; page != pages.end() && page->section <= scenario.section; ++page) {
            list.push_back(pageJson(*page));
        }
        list.push_back(scenarioJson(scenario));
    }
    for (; page != pages.end(); ++page) {
        list.push_back(pageJson(*page));
    }
    return list;
}

nlohmann::json scenarioListJson(const std::vector<Scenario>& scenarios) {
    nlohmann::json list = nlohmann::json::array();
    for (const Scenario& scenario : scenarios) {
        list.push_back(scenarioJson(scenario));
    }
    return list;
}

} // namespace ipclab
