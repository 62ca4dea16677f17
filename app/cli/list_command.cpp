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

void printScenario(const Scenario& scenario) {
    std::cout << "  " << scenario.id << ": " << scenario.title << "\n"
              << "      " << scenario.summary << "\n";
    if (!scenario.params.empty()) {
        std::cout << "      --param " << paramsLine(scenario) << "\n";
    }
}

/// Marked as a page, since 'run' refuses it; its links say where the experiments are.
void printPage(const LessonPage& page) {
    std::string links;
    for (const PageLink& link : page.links) {
        links += (links.empty() ? "" : ", ") + link.id;
    }
    std::cout << "  " << page.id << " (page, not runnable): " << page.title << "\n"
              << "      " << page.summary << "\n"
              << "      see: " << links << "\n";
}

void printSectionHeading(int section, bool first) {
    std::cout << (first ? "" : "\n") << "§" << section << " " << lessonSectionTitle(section) << "\n";
}

/// Both lists are sorted by section; each section's pages come before its scenarios.
void printGrouped(const std::vector<Scenario>& scenarios, const std::vector<LessonPage>& pages) {
    int section = 0;
    auto page = pages.begin();
    auto scenario = scenarios.begin();
    while (page != pages.end() || scenario != scenarios.end()) {
        const bool pageNext =
            page != pages.end() && (scenario == scenarios.end() || page->section <= scenario->section);
        const int next = pageNext ? page->section : scenario->section;
        if (next != section) {
            printSectionHeading(next, section == 0);
            section = next;
        }
        if (pageNext) {
            printPage(*page++);
        } else {
            printScenario(*scenario++);
        }
    }
}

} // namespace

CLI::App* addListCommand(CLI::App& app, ListOptions& options) {
    CLI::App* list = app.add_subcommand("list", "List the scenarios and explanation pages, grouped by lesson section");
    list->add_flag("--json", options.json, "Print one JSON array instead of text");
    return list;
}

int runListCommand(const ListOptions& options, const ScenarioCatalog& catalog) {
    if (options.json) {
        std::cout << catalogListJson(catalog.scenarios(), catalog.pages()).dump(2) << "\n";
    } else if (catalog.scenarios().empty() && catalog.pages().empty()) {
        std::cout << "No scenarios found.\n";
    } else {
        printGrouped(catalog.scenarios(), catalog.pages());
    }
    return 0;
}

} // namespace ipclab::cli
