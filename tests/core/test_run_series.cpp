// Lost updates as material (§13): many untraced runs of a counter scenario, and the histogram of
// what each one lost.
#include "../common/ipc_leftovers.h"
#include "common/error.h"
#include "mechanisms/sync/counter_outcome.h"
#include "report/outcome_histogram.h"
#include "session/run_series.h"
#include "session_fixture.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace ipclab {
namespace {

TEST(CounterReport, WrittenAndReadBackByOneFormat) {
    const std::string text = counterReport(CounterOutcome{1500, 2, 1000}, "the counter (no lock)");
    EXPECT_EQ(text, "counter = 1500 after 2 x 1000 increments (expected 2000): 500 updates lost, guarded by "
                    "the counter (no lock)");
    const auto back = parseCounterReport(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->lost(), 500);
    EXPECT_FALSE(parseCounterReport("3 round trips of 64 bytes verified"));
}

TEST(OutcomeHistogram, NothingLostHasItsOwnBinAndLossesShareEqualWidths) {
    const OutcomeHistogram h = histogramOf({0, 30, 10, 0, 19, 20, 0, 11});
    EXPECT_EQ(h.runs, 8);
    EXPECT_EQ(h.runsWithLoss, 5);
    EXPECT_EQ(h.least, 0);
    EXPECT_EQ(h.most, 30);
    EXPECT_EQ(h.median, 10) << "the lower median of 0 0 0 10 11 19 20 30";
    ASSERT_FALSE(h.bins.empty());
    EXPECT_EQ(h.bins[0].high, 0);
    EXPECT_EQ(h.bins[0].count, 3);
    int counted = 0;
    for (std::size_t i = 1; i < h.bins.size(); ++i) {
        EXPECT_EQ(h.bins[i].high - h.bins[i].low, h.bins[1].high - h.bins[1].low) << "equal widths";
        if (i > 1) {
            EXPECT_EQ(h.bins[i].low, h.bins[i - 1].high + 1) << "no gap, no overlap";
        }
        counted += h.bins[i].count;
    }
    EXPECT_EQ(counted, 5);
    EXPECT_EQ(h.bins[1].low, 10);
    EXPECT_GE(h.bins.back().high, 30);
    EXPECT_LE(h.bins.size(), 11u) << "at most ten bins of losses";
}

TEST(OutcomeHistogram, EdgeCases) {
    EXPECT_TRUE(histogramOf({}).bins.empty());
    const OutcomeHistogram same = histogramOf({7, 7, 7});
    ASSERT_EQ(same.bins.size(), 1u);
    EXPECT_EQ(same.bins[0].count, 3);
    EXPECT_EQ(same.bins[0].low, 7);
    const OutcomeHistogram none = histogramOf({0, 0});
    ASSERT_EQ(none.bins.size(), 1u);
    EXPECT_EQ(none.runsWithLoss, 0);
}

TEST(RunSeries, EveryRunOfTheRaceGivesAFigureAndTheMutexLosesNothing) {
    const Scenario race = test::scenarioNamed("lost-updates");
    RunSeries unsynchronised(race, resolveParams(race, {{"increments", "200000"}}), 3, test::testOptions().workerPath);
    int seen = 0;
    const auto runs = unsynchronised.run([&](const SeriesRun& run) { EXPECT_EQ(run.index, ++seen); });
    ASSERT_EQ(runs.size(), 3u);
    for (const SeriesRun& run : runs) {
        ASSERT_TRUE(run.succeeded) << run.failure;
        ASSERT_TRUE(run.lost);
        EXPECT_GE(*run.lost, 0);
        EXPECT_EQ(run.total + *run.lost, 400000);
    }
    const Scenario locked = test::scenarioNamed("pshared-mutex");
    RunSeries withMutex(locked, resolveParams(locked, {{"increments", "20000"}}), 5, test::testOptions().workerPath);
    for (const SeriesRun& run : withMutex.run()) {
        ASSERT_TRUE(run.lost) << run.failure;
        EXPECT_EQ(*run.lost, 0);
    }
    EXPECT_TRUE(test::namesMadeBy(::getpid()).empty());
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(RunSeries, StopEndsTheSeriesKeepsTheRunsDoneAndLeavesNothing) {
    const Scenario race = test::scenarioNamed("lost-updates");
    RunSeries series(race, resolveParams(race, {{"increments", "20000000"}}), 50, test::testOptions().workerPath);
    const auto runs = series.run([&series](const SeriesRun&) { series.requestStop(); });
    EXPECT_EQ(runs.size(), 1u);
    EXPECT_TRUE(series.stopped());
    EXPECT_TRUE(test::namesMadeBy(::getpid()).empty());
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(RunSeries, RefusesWhatItCannotCount) {
    const Scenario pipe = test::scenarioNamed("pipe-request-response");
    EXPECT_THROW(RunSeries(pipe, resolveParams(pipe, {}), 3), Error);
    const Scenario race = test::scenarioNamed("lost-updates");
    try {
        RunSeries(race, resolveParams(race, {}), 0);
        FAIL() << "0 runs accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadParameter);
        EXPECT_NE(std::string(error.what()).find("number of runs"), std::string::npos);
    }
}

} // namespace
} // namespace ipclab
