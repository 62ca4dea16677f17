// "Many runs": a counter scenario repeated untraced, its losses drawn as a histogram (§13).
#include "../common/ipc_leftovers.h"
#include "gui/lab/scenario_list.h"
#include "gui/repeat/outcome_histogram_panel.h"
#include "gui/run/centre_tabs.h"
#include "gui/shell/main_window.h"
#include "scenario/scenario_loader.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <gtest/gtest.h>
#include <numeric>
#include <unistd.h>

namespace ipclab {
namespace {

constexpr int kSeriesTimeoutMs = 120000;

Scenario scenarioFile(const std::string& id) {
    return loadScenarioFile(std::filesystem::path(IPCLAB_TEST_SCENARIO_DIR) / (id + ".toml"));
}

TEST(OutcomeHistogramPanel, ASeriesFillsTheChartWithEveryRun) {
    const Scenario scenario = scenarioFile("lost-updates");
    OutcomeHistogramPanel panel(IPCLAB_TEST_WORKER, [&] {
        return resolveParams(scenario, {{"increments", "100000"}});
    });
    panel.setScenario(&scenario);
    panel.setRuns(3);
    QSignalSpy finished(&panel, &OutcomeHistogramPanel::seriesFinished);
    ASSERT_TRUE(panel.start());
    EXPECT_FALSE(panel.start()) << "one series at a time";
    ASSERT_TRUE(finished.wait(kSeriesTimeoutMs));
    EXPECT_EQ(panel.losses().size(), 3u);
    EXPECT_EQ(panel.histogram().runs, 3);
    const QList<QAbstractSeries*> series = panel.chart()->series();
    ASSERT_EQ(series.size(), 1);
    const QBarSet* bars = static_cast<QBarSeries*>(series.front())->barSets().front();
    qreal total = 0;
    for (int i = 0; i < bars->count(); ++i) {
        total += bars->at(i);
    }
    EXPECT_EQ(total, 3.0) << "every run is in one bar";
    EXPECT_TRUE(panel.summaryText().contains("of 3 runs lost updates")) << panel.summaryText().toStdString();
}

TEST(OutcomeHistogramPanel, CancelStopsTheSeriesAndLeavesNothing) {
    const Scenario scenario = scenarioFile("lost-updates");
    OutcomeHistogramPanel panel(IPCLAB_TEST_WORKER, [&] { return resolveParams(scenario, {}); });
    panel.setScenario(&scenario);
    panel.setRuns(200);
    QSignalSpy finished(&panel, &OutcomeHistogramPanel::seriesFinished);
    ASSERT_TRUE(panel.start());
    QTest::qWait(50);
    panel.cancel();
    ASSERT_TRUE(finished.wait(kSeriesTimeoutMs));
    EXPECT_LT(panel.losses().size(), 200u);
    EXPECT_FALSE(panel.isRunning());
    EXPECT_TRUE(test::namesMadeBy(::getpid()).empty());
}

TEST(OutcomeHistogramPanel, OnlyCounterScenariosCanBeRepeated) {
    const Scenario pipe = scenarioFile("pipe-request-response");
    OutcomeHistogramPanel panel(IPCLAB_TEST_WORKER, [] { return ParamValues{}; });
    panel.setScenario(&pipe);
    EXPECT_FALSE(panel.start());
    EXPECT_TRUE(OutcomeHistogramPanel::canRepeat(scenarioFile("pshared-mutex")));
}

TEST(MainWindow, TheManyRunsTabShowsForCounterScenariosOnly) {
    MainWindow window(MainWindowOptions{IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    const int tab = window.centre()->indexOf(window.outcomes());
    ASSERT_GE(tab, 0);
    EXPECT_FALSE(window.centre()->isTabVisible(tab)) << "the default scenario is a pipe";
    ASSERT_TRUE(window.scenarioList()->selectScenario("lost-updates"));
    EXPECT_TRUE(window.centre()->isTabVisible(tab));
    EXPECT_EQ(window.centre()->tabText(tab), "Many runs");
}

} // namespace
} // namespace ipclab
