// Replay of a real finished run: scrubbing rebuilds the stage, the log and the counters from the
// recording, and the recording exports as a Chrome trace.
#include "gui/bridge/session_controller.h"
#include "gui/lab/run_controls.h"
#include "gui/replay/replay_bar.h"
#include "gui/replay/run_replay.h"
#include "gui/replay/trace_exporter.h"
#include "gui/shell/main_window.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_scene.h"
#include "gui/stage/stage_view.h"
#include "gui/tables/counter_model.h"
#include "gui/tables/event_log_model.h"
#include "test_events.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ipclab {
namespace {

constexpr int kRunTimeoutMs = 90000;
constexpr int kReplayTimeoutMs = 5000;

/// What the first `position` recorded events add up to, counted here from the events
/// themselves: a crossing per entry into the kernel, a copy per return that moved bytes.
struct Expected {
    std::map<Phase, std::uint64_t> crossings;
    std::map<Phase, std::uint64_t> copies;
    int arrows = 0;
};

Expected countUpTo(const std::vector<Event>& events, int position) {
    Expected expected;
    for (int i = 0; i < position; ++i) {
        const Event& event = events[static_cast<std::size_t>(i)];
        if (const auto* entered = std::get_if<SyscallEntered>(&event.payload)) {
            ++expected.crossings[entered->call.phase];
            ++expected.arrows;
        } else if (const auto* exited = std::get_if<SyscallExited>(&event.payload)) {
            expected.copies[exited->call.phase] += exited->call.movesData() ? 1 : 0;
            ++expected.arrows;
        }
    }
    return expected;
}

void expectShownMatches(const MainWindow& window, int position) {
    const std::vector<Event>& events = window.replay()->events();
    Expected expected = countUpTo(events, position);
    const CounterModel* counters = window.counters();
    const int total = counters->totalRow();
    EXPECT_EQ(counters->value(total, CounterModel::CrossingsSetup), expected.crossings[Phase::Setup]) << position;
    EXPECT_EQ(counters->value(total, CounterModel::CrossingsTransfer), expected.crossings[Phase::Transfer]) << position;
    EXPECT_EQ(counters->value(total, CounterModel::CrossingsTeardown), expected.crossings[Phase::Teardown]) << position;
    EXPECT_EQ(counters->value(total, CounterModel::CopiesTransfer), expected.copies[Phase::Transfer]) << position;
    EXPECT_EQ(window.stage()->view()->stageScene()->arrowCount(), expected.arrows) << position;
    // The log shows what a fresh log fed with the same events shows.
    EventLogModel fresh;
    test::Feeder feedFresh(fresh);
    feedFresh(std::vector<Event>(events.begin(), events.begin() + position));
    EXPECT_EQ(window.eventLog()->rowCount(), fresh.rowCount()) << position;
    const QString label = window.replayBar()->text();
    EXPECT_TRUE(label.contains(
        QStringLiteral("Replay of the recorded run — event %1 of %2, t = ").arg(position).arg(events.size())))
        << label.toStdString();
}

/// Moves the slider as a user would and waits until the views show `position`.
bool scrubTo(const MainWindow& window, int position) {
    window.replayBar()->slider()->setValue(position);
    return QTest::qWaitFor([&] { return window.replay()->position() == position; }, kReplayTimeoutMs);
}

/// The position just after the `n`th transfer-phase copy returned.
int afterTransferCopy(const std::vector<Event>& events, int n) {
    int seen = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto* exited = std::get_if<SyscallExited>(&events[i].payload);
        if (exited != nullptr && exited->call.phase == Phase::Transfer && exited->call.movesData() && ++seen == n) {
            return static_cast<int>(i) + 1;
        }
    }
    return -1;
}

class Replay : public ::testing::Test {
protected:
    void SetUp() override {
        window.show();
        window.controls()->setMode(PaceMode::Free);
        window.controls()->runButton()->click();
        ASSERT_TRUE(window.session()->isRunning()) << "the run did not start";
        EXPECT_FALSE(window.replayBar()->slider()->isEnabled()) << "no replay while the processes run";
        ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, kRunTimeoutMs));
        ASSERT_TRUE(window.lastResult().has_value()) << "the run failed";
        if (!window.lastResult()->traced) {
            GTEST_SKIP() << "kernel observation unavailable here: " << window.lastResult()->traceUnavailableReason;
        }
        ASSERT_TRUE(window.replay()->available());
    }

    MainWindow window{MainWindowOptions{IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR}};
};

TEST_F(Replay, ScrubbingRebuildsTheCountersFromTheRecording) {
    const std::vector<Event>& events = window.replay()->events();
    const int count = window.replay()->count();
    ASSERT_GT(count, 0);
    EXPECT_EQ(window.replayBar()->position(), count) << "a finished run's replay starts at its end";
    expectShownMatches(window, count);

    ASSERT_TRUE(scrubTo(window, 0));
    expectShownMatches(window, 0);
    EXPECT_EQ(window.counters()->totalRow(), 0) << "before the first event no process has started";

    // Halfway through the transfer: 3 round trips make 12 copies, so 6 have happened.
    const int middle = afterTransferCopy(events, 6);
    ASSERT_GT(middle, 0);
    ASSERT_TRUE(scrubTo(window, middle));
    expectShownMatches(window, middle);
    EXPECT_EQ(window.counters()->value(window.counters()->totalRow(), CounterModel::CopiesTransfer), 6u);

    window.replayBar()->backButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.replay()->position() == middle - 1; }, kReplayTimeoutMs));
    expectShownMatches(window, middle - 1);
    EXPECT_EQ(window.counters()->value(window.counters()->totalRow(), CounterModel::CopiesTransfer), 5u);

    window.replayBar()->slider()->setFocus();
    QTest::keyClick(window.replayBar()->slider(), Qt::Key_Right);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.replay()->position() == middle; }, kReplayTimeoutMs));
    expectShownMatches(window, middle);

    ASSERT_TRUE(scrubTo(window, count / 2));
    expectShownMatches(window, count / 2);

    // Back at the end, the counters agree with what core counted for the whole run.
    ASSERT_TRUE(scrubTo(window, count));
    const CounterModel* counters = window.counters();
    EXPECT_EQ(counters->value(counters->totalRow(), CounterModel::CrossingsTransfer),
              window.lastResult()->summary.ofPhase(Phase::Transfer).crossings);
}

TEST_F(Replay, ExportWritesOneCompleteEventPerRecordedCall) {
    const QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.trace.json"));
    TraceExporter* exporter = window.replay()->exporter();
    EXPECT_TRUE(exporter->action()->isEnabled());
    QSignalSpy finished(exporter, &TraceExporter::finished);
    ASSERT_TRUE(exporter->writeTo(path));
    ASSERT_TRUE(finished.wait(kReplayTimeoutMs));
    EXPECT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();

    std::ifstream in(path.toStdString());
    const nlohmann::json trace = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(trace.is_discarded());
    std::size_t complete = 0;
    for (const auto& event : trace.at("traceEvents")) {
        complete += event.at("ph") == "X" ? 1 : 0;
    }
    const auto& events = window.replay()->events();
    const auto calls = std::count_if(events.begin(), events.end(), [](const Event& event) {
        return std::holds_alternative<SyscallExited>(event.payload);
    });
    EXPECT_EQ(complete, static_cast<std::size_t>(calls));
    EXPECT_EQ(trace.at("otherData").at("scenario"), "pipe-request-response");
}

} // namespace
} // namespace ipclab
