#include "gui/bridge/session_controller.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/shell/main_window.h"
#include "gui/stage/stage_banner.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_scene.h"
#include "gui/stage/stage_view.h"
#include "gui/tables/counter_model.h"
#include "gui/tables/event_log_model.h"

#include <QPushButton>
#include <QTest>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

constexpr int kRunTimeoutMs = 90000;

MainWindowOptions testOptions() {
    return {IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR};
}

TEST(MainWindow, OpensOnTheDefaultScenarioWithItsParameters) {
    MainWindow window(testOptions());
    EXPECT_EQ(window.currentScenarioId(), QString::fromLatin1(kDefaultScenarioId));
    const ParamValues values = window.params()->values();
    EXPECT_EQ(values.at("size"), 4096);
    EXPECT_EQ(values.at("round_trips"), 3);
    EXPECT_TRUE(window.controls()->runButton()->isEnabled());
    EXPECT_FALSE(window.controls()->stopButton()->isEnabled());
}

TEST(MainWindow, AFullSpeedRunFillsTheLanesTheLogAndTheCounters) {
    MainWindow window(testOptions());
    window.show();
    window.controls()->setMode(PaceMode::Free);
    window.controls()->runButton()->click();
    ASSERT_TRUE(window.session()->isRunning()) << "the run did not start";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, kRunTimeoutMs));
    ASSERT_TRUE(window.lastResult().has_value()) << "the run failed";
    const RunResult& result = *window.lastResult();
    EXPECT_TRUE(result.succeeded) << result.failure;
    if (!result.traced) {
        EXPECT_FALSE(window.stage()->noticeBanner()->isHidden()) << "an untraced run must say so on the stage";
        GTEST_SKIP() << "kernel observation unavailable here: " << result.traceUnavailableReason;
    }

    const StageScene* stage = window.stage()->view()->stageScene();
    EXPECT_TRUE(stage->laneNames().contains("P1"));
    EXPECT_TRUE(stage->laneNames().contains("P2"));
    // One entry arrow per observed call, one return per finished one (exit_group never returns).
    const auto finished = std::count_if(result.syscalls.begin(), result.syscalls.end(),
                                        [](const SyscallRecord& call) { return call.finished; });
    EXPECT_GE(stage->arrowCount(), static_cast<int>(result.syscalls.size() + static_cast<std::size_t>(finished)));
    EXPECT_GE(stage->copyBlockCount(), 12);
    EXPECT_GE(stage->gaugeCount(), 1);
    EXPECT_GE(window.eventLog()->rowCount(), static_cast<int>(result.syscalls.size()));

    const CounterModel* counters = window.counters();
    EXPECT_EQ(counters->value(counters->totalRow(), CounterModel::CrossingsTransfer), 12u);
    EXPECT_EQ(counters->value(counters->totalRow(), CounterModel::CopiesTransfer), 12u);
    EXPECT_EQ(counters->value(counters->rowOf("P1"), CounterModel::CrossingsTransfer), 6u);
    EXPECT_EQ(counters->value(counters->rowOf("P2"), CounterModel::CrossingsTransfer), 6u);
    // The GUI counted the events; core counted the run: they must agree.
    EXPECT_EQ(counters->value(counters->totalRow(), CounterModel::CrossingsTransfer),
              result.summary.ofPhase(Phase::Transfer).crossings);
}

TEST(MainWindow, StepModeHoldsAProcessAndStopEndsTheRun) {
    MainWindow window(testOptions());
    window.show();
    window.controls()->setMode(PaceMode::Step);
    window.controls()->runButton()->click();
    ASSERT_TRUE(window.session()->isRunning());
    const StageBanner* held = window.stage()->heldBanner();
    const bool announced = QTest::qWaitFor([&] { return !held->isHidden() || !window.session()->isRunning(); }, 20000);
    if (announced && !held->isHidden()) {
        EXPECT_TRUE(held->text().contains("is about to enter the kernel")) << held->text().toStdString();
        EXPECT_TRUE(window.controls()->stepButton()->isEnabled());
        window.controls()->stepButton()->click();
    }
    window.controls()->stopButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, kRunTimeoutMs));
    ASSERT_TRUE(window.lastResult().has_value());
    if (!window.lastResult()->traced) {
        GTEST_SKIP() << "kernel observation unavailable here: " << window.lastResult()->traceUnavailableReason;
    }
    EXPECT_TRUE(announced) << "no process was shown held in Step mode";
    EXPECT_TRUE(window.lastResult()->stopped);
    EXPECT_TRUE(held->isHidden());
    EXPECT_TRUE(window.controls()->runButton()->isEnabled());
}

TEST(MainWindow, ClosingDuringARunStopsIt) {
    auto window = std::make_unique<MainWindow>(testOptions());
    window->show();
    window->controls()->setMode(PaceMode::Step);
    window->controls()->runButton()->click();
    ASSERT_TRUE(window->session()->isRunning());
    const StageScene* stage = window->stage()->view()->stageScene();
    const bool bothStarted = QTest::qWaitFor([&] { return stage->lanePids().size() >= 2; }, 20000);
    const std::vector<int> pids = stage->lanePids();
    window->close();
    EXPECT_FALSE(window->session()->isRunning());
    window.reset();
    ASSERT_TRUE(bothStarted) << "the workers were not announced";
    for (int pid : pids) {
        // Gone and reaped: not even a zombie is left behind.
        EXPECT_EQ(::kill(pid, 0), -1) << "pid " << pid << " outlived the window";
        EXPECT_EQ(errno, ESRCH) << "pid " << pid;
    }
}

} // namespace
} // namespace ipclab
