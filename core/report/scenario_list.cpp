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
    return {{"id", scenario.id},
            {"title", scenario.title},
            {"section", scenario.section},
            {"mechanism", scenario.mechanism},
            {"pattern", scenario.pattern},
            {"summary", scenario.summary},
            {"source", scenario.sourcePath.string()},
            {"processes", std::move(processes)},
            {"params", std::move(params)}};
}

} // namespace

nlohmann::json scenarioListJson(const std::vector<Scenario>& scenarios) {
    nlohmann::json list = nlohmann::json::array();
    for (const Scenario& scenario : scenarios) {
        list.push_back(scenarioJson(scenario));
    }
    return list;
}

} // namespace ipclab
