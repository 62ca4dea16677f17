#include "list_command.h"

#include "report/scenario_list.h"
#include "scenario/lesson_sections.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace ipclab::cli {

namespace {

std::string paramsLine(const Scenario& scenario) {
    std::string line;
    for (const ParamSpec& spec : scenario.params) {
        line += (line.empty() ? "" : "; ") + spec.name + " " + formatParamValue(spec, spec.min) + " .. " +
                formatParamValue(spec, spec.max) + " (default " + formatParamValue(spec, spec.defaultValue) + ")";
    }
    return line;
}

void printGrouped(const std::vector<Scenario>& scenarios) {
    int section = 0;
    for (const Scenario& scenario : scenarios) {
        if (scenario.section != section) {
            section = scenario.section;
            std::cout << (&scenario == &scenarios.front() ? "" : "\n") << "§" << section << " "
                      << lessonSectionTitle(section) << "\n";
        }
        std::cout << "  " << scenario.id << ": " << scenario.title << "\n"
                  << "      " << scenario.summary << "\n";
        if (!scenario.params.empty()) {
            std::cout << "      --param " << paramsLine(scenario) << "\n";
        }
    }
}

} // namespace

CLI::App* addListCommand(CLI::App& app, ListOptions& options) {
    CLI::App* list = app.add_subcommand("list", "List the scenarios, grouped by lesson section");
    list->add_flag("--json", options.json, "Print one JSON array instead of text");
    return list;
}

int runListCommand(const ListOptions& options, const ScenarioCatalog& catalog) {
    if (options.json) {
        std::cout << scenarioListJson(catalog.scenarios()).dump(2) << "\n";
    } else if (catalog.scenarios().empty()) {
        std::cout << "No scenarios found.\n";
    } else {
        printGrouped(catalog.scenarios());
    }
    return 0;
}

} // namespace ipclab::cli
