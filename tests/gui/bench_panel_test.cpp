// "It depends" with real workers: a small sweep runs through the runner and fills the chart and
// the store; Cancel mid-sweep stops the workers and leaves no process and no IPC object behind.
#include "../common/ipc_leftovers.h"
#include "gui/bench/bench_chart_view.h"
#include "gui/bench/bench_panel.h"
#include "gui/shell/main_window.h"

#include <QAction>
#include <QLabel>
#include <QLineSeries>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace ipclab {
namespace {

constexpr int kSweepTimeoutMs = 120000;

bench::BenchSpec tinySpec() {
    bench::BenchSpec spec;
    spec.mechanisms = {"pipe", "posix-shm"};
    spec.sizes = {64, 4096};
    spec.modes = {bench::BenchMode::RoundTrip, bench::BenchMode::OneTime};
    spec.samples = 3;
    spec.warmUp = 1;
    spec.placement = bench::Placement::SameCpu; // available on any machine
    spec.workerPath = IPCLAB_TEST_WORKER;
    return spec;
}

TEST(BenchPanel, ASmallSweepFillsTheChartAndIsKeptForNextTime) {
    QTemporaryDir dir;
    const std::filesystem::path store = dir.filePath("results.json").toStdString();
    BenchPanel panel(BenchPanelOptions{IPCLAB_TEST_WORKER, store});
    panel.show();
    QSignalSpy finished(&panel, &BenchPanel::sweepFinished);
    ASSERT_TRUE(panel.startSweep(tinySpec()));
    EXPECT_TRUE(panel.isRunning());
    EXPECT_FALSE(panel.runButton()->isEnabled());
    EXPECT_TRUE(panel.cancelButton()->isEnabled());
    EXPECT_FALSE(panel.startSweep(tinySpec())) << "one sweep at a time";
    ASSERT_TRUE(finished.wait(kSweepTimeoutMs));
    EXPECT_FALSE(finished.front().front().toBool()) << "not cancelled";
    EXPECT_FALSE(panel.isRunning());
    EXPECT_EQ(panel.progress()->value(), panel.progress()->maximum());
    ASSERT_EQ(panel.result().cells.size(), 8u);
    for (const bench::BenchCell& cell : panel.result().cells) {
        EXPECT_TRUE(cell.measured()) << cell.label() << ": " << cell.limitNote;
    }
    for (const bench::BenchMode mode : {bench::BenchMode::RoundTrip, bench::BenchMode::OneTime}) {
        panel.setMode(mode);
        ASSERT_EQ(panel.chartView()->lines().size(), 2);
        for (QLineSeries* line : panel.chartView()->lines()) {
            EXPECT_EQ(line->count(), 2) << line->name().toStdString();
        }
    }
    EXPECT_TRUE(panel.headline()->text().contains("same CPU")) << "the placement is shown with the figures";
    EXPECT_EQ(test::childCount(), 0);

    // Next time: the kept figures are there at once, before anything runs.
    ASSERT_TRUE(std::filesystem::exists(store));
    BenchPanel again(BenchPanelOptions{IPCLAB_TEST_WORKER, store});
    EXPECT_EQ(again.result().cells.size(), 8u);
    EXPECT_EQ(again.placement(), bench::Placement::SameCpu);
    again.setMode(bench::BenchMode::RoundTrip);
    EXPECT_EQ(again.chartView()->lines().size(), 2);
}

TEST(BenchPanel, MovingTheThresholdMeasuresOnlyTheHybridAgain) {
    QTemporaryDir dir;
    BenchPanel panel(BenchPanelOptions{IPCLAB_TEST_WORKER, dir.filePath("results.json").toStdString()});
    bench::BenchSpec spec = tinySpec();
    spec.mechanisms = {"pipe", "hybrid"};
    spec.modes = {bench::BenchMode::RoundTrip};
    QSignalSpy finished(&panel, &BenchPanel::sweepFinished);
    ASSERT_TRUE(panel.startSweep(spec));
    ASSERT_TRUE(finished.wait(kSweepTimeoutMs));
    ASSERT_EQ(panel.result().cells.size(), 4u);
    const bench::BenchCell pipeBefore = panel.result().cells.front();
    ASSERT_EQ(pipeBefore.mechanism, "pipe");
    EXPECT_EQ(panel.result().spec.hybridThreshold, 64u * 1024);

    panel.thresholdSlider()->setValue(12); // 4 KiB: the 4 KiB cell now goes through a memfd
    ASSERT_TRUE(finished.wait(kSweepTimeoutMs)) << "the hybrid did not run again";
    EXPECT_EQ(panel.progress()->maximum(), 2) << "two hybrid cells, nothing else";
    EXPECT_EQ(panel.result().spec.hybridThreshold, 4096u);
    ASSERT_EQ(panel.result().cells.size(), 4u);
    EXPECT_EQ(panel.result().cells.front().medianNs, pipeBefore.medianNs) << "the pipe was not measured again";
    panel.setMode(bench::BenchMode::RoundTrip);
    bool named = false;
    for (QLineSeries* line : panel.chartView()->lines()) {
        named = named || line->name().contains("memfd from 4 KiB");
    }
    EXPECT_TRUE(named) << "the legend names the threshold";
    EXPECT_EQ(test::childCount(), 0);
}

TEST(BenchPanel, CancelMidSweepStopsTheWorkersAndLeavesNothing) {
    const std::set<std::string> before = test::ipclabObjects();
    QTemporaryDir dir;
    const std::filesystem::path store = dir.filePath("results.json").toStdString();
    BenchPanel panel(BenchPanelOptions{IPCLAB_TEST_WORKER, store});
    bench::BenchSpec spec = tinySpec();
    spec.mechanisms = bench::benchMechanisms();
    spec.sizes = bench::powerOfTwoSizes(64, 1u << 20);
    spec.modes = {bench::BenchMode::RoundTrip, bench::BenchMode::OneTime, bench::BenchMode::SetupTeardown};
    spec.samples = 50;
    QSignalSpy finished(&panel, &BenchPanel::sweepFinished);
    ASSERT_TRUE(panel.startSweep(spec));
    // Some cells in: workers are running now.
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.progress()->value() >= 3; }, kSweepTimeoutMs));
    panel.cancelButton()->click();
    ASSERT_TRUE(finished.wait(kSweepTimeoutMs));
    EXPECT_TRUE(finished.front().front().toBool()) << "cancelled";
    EXPECT_FALSE(panel.isRunning());
    EXPECT_TRUE(panel.runButton()->isEnabled());
    EXPECT_LT(panel.result().cells.size(), spec.mechanisms.size() * spec.sizes.size() * spec.modes.size());
    EXPECT_EQ(test::childCount(), 0) << "no worker outlives Cancel";
    EXPECT_TRUE(test::leftoversSince(before, ::getpid()).empty()) << "IPC objects left behind";
    EXPECT_FALSE(std::filesystem::exists(store)) << "a cancelled sweep is not kept";
}

TEST(BenchPanel, TheLabMenuOpensItInItsOwnWindow) {
    MainWindow window(MainWindowOptions{IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    EXPECT_EQ(window.itDepends(), nullptr) << "made when first asked for";
    QAction* open = nullptr;
    for (QAction* action : window.menuBar()->findChildren<QAction*>()) {
        if (action->text().startsWith("It depends")) {
            open = action;
        }
    }
    ASSERT_NE(open, nullptr);
    open->trigger();
    ASSERT_NE(window.itDepends(), nullptr);
    EXPECT_TRUE(window.itDepends()->isVisible());
    EXPECT_TRUE(window.itDepends()->isWindow());
    window.showItDepends();
    EXPECT_EQ(window.findChildren<BenchPanel*>().size(), 1) << "one window, shown again";
}

} // namespace
} // namespace ipclab
