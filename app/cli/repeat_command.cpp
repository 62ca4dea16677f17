#include "repeat_command.h"

#include "cli_messages.h"
#include "report/outcome_histogram.h"
#include "scenario_args.h"
#include "session/run_series.h"
#include "stop_signals.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <unistd.h>

namespace ipclab::cli {

namespace {

std::vector<std::int64_t> lossesOf(const std::vector<SeriesRun>& runs) {
    std::vector<std::int64_t> losses;
    for (const SeriesRun& run : runs) {
        if (run.lost) {
            losses.push_back(*run.lost);
        }
    }
    return losses;
}

nlohmann::json seriesJson(const Scenario& scenario, const ParamValues& params, const std::vector<SeriesRun>& runs,
                          const OutcomeHistogram& histogram, bool stopped) {
    nlohmann::json list = nlohmann::json::array();
    for (const SeriesRun& run : runs) {
        list.push_back({{"run", run.index},
                        {"succeeded", run.succeeded},
                        {"lost", run.lost ? nlohmann::json(*run.lost) : nlohmann::json(nullptr)},
                        {"counter", run.lost ? nlohmann::json(run.total) : nlohmann::json(nullptr)},
                        {"duration_ns", run.durationNs},
                        {"failure", run.succeeded ? nlohmann::json(nullptr) : nlohmann::json(run.failure)}});
    }
    nlohmann::json bins = nlohmann::json::array();
    for (const HistogramBin& bin : histogram.bins) {
        bins.push_back({{"low", bin.low}, {"high", bin.high}, {"runs", bin.count}});
    }
    return {{"scenario", scenario.id},
            {"params", params},
            {"traced", false},
            {"stopped", stopped},
            {"runs", list},
            {"histogram",
             {{"runs", histogram.runs},
              {"runs_with_loss", histogram.runsWithLoss},
              {"least_lost", histogram.least},
              {"median_lost", histogram.median},
              {"most_lost", histogram.most},
              {"bins", bins}}}};
}

void printHistogram(std::ostream& out, const OutcomeHistogram& histogram) {
    if (histogram.runs == 0) {
        out << "No run finished, so there is nothing to count.\n";
        return;
    }
    out << fmt::format("{} of {} runs lost updates; lost per run: least {}, median {}, most {}.\n",
                       histogram.runsWithLoss, histogram.runs, histogram.least, histogram.median, histogram.most);
    int widest = 1;
    for (const HistogramBin& bin : histogram.bins) {
        widest = std::max(widest, bin.count);
    }
    for (const HistogramBin& bin : histogram.bins) {
        const std::string range =
            bin.high <= 0 ? std::string("nothing lost") : fmt::format("{} .. {} lost", bin.low, bin.high);
        const int bar = bin.count == 0 ? 0 : std::max(1, bin.count * 40 / widest);
        out << fmt::format("  {:>28}  {:>4}  {}\n", range, bin.count, std::string(static_cast<std::size_t>(bar), '#'));
    }
}

} // namespace

CLI::App* addRepeatCommand(CLI::App& app, RepeatOptions& options) {
    CLI::App* repeat = app.add_subcommand(
        "repeat", "Run a shared-counter scenario many times, untraced, and count the updates each run lost");
    repeat->add_option("scenario", options.scenarioId, "A counter scenario, e.g. lost-updates")
        ->type_name("SCENARIO")
        ->required();
    repeat->add_option("--runs", options.runs, "How many runs (1 .. 1000)")->type_name("N")->default_val(20);
    repeat->add_option("--param", options.params, "Set a parameter, e.g. increments=1000000 (repeatable)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    repeat->add_flag("--json", options.json, "Print every run and the histogram as one JSON document");
    return repeat;
}

int runRepeatCommand(const RepeatOptions& options, const ScenarioCatalog& catalog) {
    const Scenario& scenario = findRunnableScenario(catalog, options.scenarioId);
    const ParamValues params = resolveParams(scenario, parseParamOverrides(options.params));
    RunSeries series(scenario, params, options.runs, defaultWorkerPath());
    const bool progress = ::isatty(STDERR_FILENO) != 0;
    std::vector<SeriesRun> runs;
    {
        StopSignals stopSignals([&series] { series.requestStop(); });
        runs = series.run([&](const SeriesRun& run) {
            if (!options.json) {
                std::cout << fmt::format("run {:>3} of {}: ", run.index, options.runs)
                          << (run.lost ? fmt::format("counter = {}, {} updates lost", run.total, *run.lost)
                                       : "no figure: " + run.failure)
                          << std::endl;
            } else if (progress) {
                std::cerr << fmt::format("\rrun {} of {}", run.index, options.runs) << std::flush;
            }
        });
    }
    if (progress && options.json) {
        std::cerr << '\n';
    }
    const OutcomeHistogram histogram = histogramOf(lossesOf(runs));
    if (options.json) {
        std::cout << seriesJson(scenario, params, runs, histogram, series.stopped()).dump(2) << std::endl;
    } else {
        printHistogram(std::cout, histogram);
    }
    if (series.stopped()) {
        printError("stopped after " + std::to_string(runs.size()) +
                   " runs; their workers were ended and their "
                   "IPC objects removed");
        return 1;
    }
    const bool allFigured =
        std::all_of(runs.begin(), runs.end(), [](const SeriesRun& r) { return r.lost.has_value(); });
    return allFigured ? 0 : 1;
}

} // namespace ipclab::cli
