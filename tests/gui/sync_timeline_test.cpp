#include "gui/bridge/session_controller.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/run/centre_tabs.h"
#include "gui/shell/main_window.h"
#include "gui/sync/sync_timeline_panel.h"
#include "gui/sync/sync_timeline_view.h"
#include "test_events.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPushButton>
#include <QTest>
#include <QWheelEvent>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

constexpr std::int64_t kMs = 1'000'000;

Event at(std::int64_t timeNs, EventPayload payload) {
    static std::uint64_t seq = 0;
    return Event{++seq, timeNs, std::move(payload)};
}

Event step(int pid, SyncEvent::Kind kind, const std::string& object, std::int64_t timeNs, std::int64_t value = -1) {
    return at(timeNs, SyncEvent{pid, kind, object, timeNs, value});
}

Event futex(int pid, std::int64_t timeNs, Phase phase = Phase::Transfer) {
    SyscallRecord call;
    call.pid = pid;
    call.name = "futex";
    call.phase = phase;
    call.entryNs = timeNs;
    return at(timeNs, SyscallEntered{call});
}

/// P1 holds the mutex 10–30 ms; P2 tries at 15 ms, is blocked until 30 ms, holds it until 40 ms.
/// P1 then signals "queue: ready" at 50 ms and P2, waiting since 45 ms, wakes at 52 ms.
std::vector<Event> contendedRun() {
    const std::string mutex = "mutex in the segment";
    using K = SyncEvent::Kind;
    return {at(0, ProcessStarted{100, "P1", "writer"}),
            at(0, ProcessStarted{200, "P2", "reader"}),
            at(0, ProcessStarted{300, "P3", "idle"}),
            futex(100, 1 * kMs, Phase::Startup), // the observer's handshake: not drawn
            step(100, K::Attempt, mutex, 10 * kMs),
            step(100, K::Acquired, mutex, 10 * kMs),
            step(200, K::Attempt, mutex, 15 * kMs),
            futex(200, 15 * kMs + 1000),
            step(100, K::Released, mutex, 30 * kMs),
            futex(100, 30 * kMs + 1000),
            step(200, K::Acquired, mutex, 30 * kMs + 5000),
            step(200, K::Released, mutex, 40 * kMs),
            step(200, K::Waiting, "queue: ready", 45 * kMs),
            step(100, K::Signalled, "queue: ready", 50 * kMs),
            step(200, K::Woken, "queue: ready", 52 * kMs)};
}

TEST(SyncTimeline, DrawsALanePerProcessWithHoldAndBlockedBars) {
    SyncTimelinePanel panel;
    test::Feeder feed(panel);
    panel.resize(1200, 600);
    panel.show();
    feed(contendedRun());
    panel.flush();
    const SyncTimelineData& data = panel.data();
    ASSERT_EQ(data.lanes().size(), 3u);
    EXPECT_EQ(data.lanes()[0].name, "P1");
    EXPECT_EQ(data.lanes()[2].name, "P3");

    const SyncLane& p1 = data.lanes()[0];
    ASSERT_EQ(p1.holds.size(), 1u);
    EXPECT_FALSE(p1.holds[0].open);
    const SyncTimelineView* view = panel.view();
    const SyncTimelineGeometry& geometry = view->geometry();
    const QRectF hold = view->holdRect(0, 0);
    EXPECT_DOUBLE_EQ(hold.left(), geometry.xForTime(10 * kMs));
    EXPECT_NEAR(hold.width(), geometry.widthForDuration(20 * kMs), 1e-6);
    EXPECT_DOUBLE_EQ(hold.top(), geometry.holdTop(0));

    const SyncLane& p2 = data.lanes()[1];
    ASSERT_EQ(p2.blocked.size(), 2u); // the lock, then the message
    const QRectF blocked = view->blockedRect(1, 0);
    EXPECT_DOUBLE_EQ(blocked.left(), geometry.xForTime(15 * kMs));
    EXPECT_NEAR(blocked.right(), geometry.xForTime(30 * kMs + 5000), 1e-6);
    EXPECT_DOUBLE_EQ(blocked.top(), geometry.blockedTop(1));
    EXPECT_EQ(data.blockedNs(1), 15 * kMs + 5000 + 7 * kMs);
    EXPECT_EQ(data.blockedNs(0), 0);
    EXPECT_TRUE(panel.summaryText().contains(QStringLiteral("P2")));
    // The whole run fits the view's width.
    EXPECT_LE(geometry.xForTime(data.latestNs()), view->viewport()->width());
}

TEST(SyncTimeline, CountsKernelCrossingsPerProcessAndDrawsTheWakeUp) {
    SyncTimelinePanel panel;
    test::Feeder feed(panel);
    feed(contendedRun());
    panel.flush();
    const SyncTimelineData& data = panel.data();
    EXPECT_EQ(data.lanes()[0].calls[0], 1); // the start-up futex is not the lesson's
    EXPECT_EQ(data.lanes()[1].calls[0], 1);
    EXPECT_EQ(data.lanes()[2].calls[0], 0);
    EXPECT_EQ(data.lanes()[0].ticks.size(), 1u);

    ASSERT_EQ(data.flows().size(), 1u);
    const SyncFlow& flow = data.flows()[0];
    EXPECT_EQ(flow.fromLane, 0);
    EXPECT_EQ(flow.toLane, 1);
    EXPECT_EQ(flow.fromNs, 50 * kMs);
    EXPECT_EQ(flow.toNs, 52 * kMs);
}

TEST(SyncTimeline, SemaphoreStepsAndAnOwnersDeathBecomeMarkers) {
    using K = SyncEvent::Kind;
    SyncTimelinePanel panel;
    test::Feeder feed(panel);
    feed({at(0, ProcessStarted{1, "P1", "locker"}), step(1, K::Attempt, "sem", kMs),
          step(1, K::Acquired, "sem", 2 * kMs, 0), step(1, K::Released, "sem", 3 * kMs, 1),
          step(1, K::Attempt, "robust", 4 * kMs), step(1, K::OwnerDied, "robust", 5 * kMs),
          step(1, K::Recovered, "robust", 6 * kMs)});
    const auto& marks = panel.data().lanes()[0].marks;
    ASSERT_EQ(marks.size(), 4u);
    EXPECT_EQ(marks[0].kind, SyncMark::Kind::P);
    EXPECT_EQ(marks[0].value, 0);
    EXPECT_EQ(marks[1].kind, SyncMark::Kind::V);
    EXPECT_EQ(marks[2].kind, SyncMark::Kind::OwnerDied);
    EXPECT_EQ(marks[3].kind, SyncMark::Kind::Recovered);
    // The new owner holds the repaired mutex, still open at the newest time.
    ASSERT_EQ(panel.data().lanes()[0].holds.size(), 2u);
    EXPECT_TRUE(panel.data().lanes()[0].holds[1].open);
    EXPECT_EQ(panel.data().endOf(panel.data().lanes()[0].holds[1]), 6 * kMs);
}

TEST(SyncTimeline, CtrlWheelZoomsAroundThePointerAndANewRunStartsUnzoomed) {
    SyncTimelinePanel panel;
    test::Feeder feed(panel);
    panel.resize(1200, 600);
    panel.show();
    feed(contendedRun());
    panel.flush();
    SyncTimelineView* view = panel.view();
    const double fitted = view->geometry().pixelsPerMs;
    const QPointF pointer(view->geometry().xForTime(30 * kMs), 100.0);
    QWheelEvent wheel(pointer, view->viewport()->mapToGlobal(pointer), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    EXPECT_GT(view->zoom(), 1.0);
    EXPECT_NEAR(view->geometry().pixelsPerMs, fitted * view->zoom(), 1e-9);
    EXPECT_GT(view->scene()->sceneRect().width(), view->viewport()->width());
    // 30 ms is still under the pointer, to a pixel or two: views map and scroll in whole pixels.
    EXPECT_NEAR(view->mapFromScene(view->geometry().xForTime(30 * kMs), 0.0).x(), pointer.x(), 2.0);
    feed.clear();
    EXPECT_DOUBLE_EQ(view->zoom(), 1.0);
}

TEST(SyncTimeline, ClearEmptiesItAndTheFirstStepIsAnnouncedOncePerRun) {
    SyncTimelinePanel panel;
    test::Feeder feed(panel);
    int announced = 0;
    QObject::connect(&panel, &SyncTimelinePanel::firstSyncEvent, [&] { ++announced; });
    feed({at(0, ProcessStarted{1, "P1", "a"})});
    EXPECT_EQ(announced, 0);
    feed(contendedRun());
    feed(contendedRun());
    EXPECT_EQ(announced, 1);
    feed.clear();
    EXPECT_TRUE(panel.data().lanes().empty());
    EXPECT_TRUE(panel.data().flows().empty());
    EXPECT_EQ(panel.data().syncEventCount(), 0);
    feed(contendedRun());
    EXPECT_EQ(announced, 2);
}

TEST(SyncTimeline, ARealLockRunFillsTheTimelineInTheWindow) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    window.show();
    if (!window.scenarioList()->selectScenario(QStringLiteral("sysv-sem-lock"))) {
        GTEST_SKIP() << "the sysv-sem-lock scenario is not shipped yet";
    }
    window.params()->setValue("processes", 3);
    window.params()->setValue("increments", 300);
    window.params()->setValue("announce_every", 1);
    window.controls()->setMode(PaceMode::Free);
    window.controls()->runButton()->click();
    ASSERT_TRUE(window.session()->isRunning()) << "the run did not start";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, 120000));
    ASSERT_TRUE(window.lastResult().has_value());
    EXPECT_TRUE(window.lastResult()->succeeded) << window.lastResult()->failure;
    SyncTimelinePanel* timeline = window.syncTimeline();
    timeline->flush();
    EXPECT_EQ(window.centre()->currentWidget(), timeline) << "the first sync step brings the tab forward";
    const SyncTimelineData& data = timeline->data();
    ASSERT_GE(data.lanes().size(), 3u);
    std::size_t holds = 0;
    for (const SyncLane& lane : data.lanes()) {
        holds += lane.holds.size();
        for (const SyncSpan& span : lane.holds) {
            EXPECT_FALSE(span.open);
        }
    }
    EXPECT_GE(holds, 900u);
    if (window.lastResult()->traced) {
        int semops = 0;
        for (const SyncLane& lane : data.lanes()) {
            semops += lane.calls[1];
        }
        EXPECT_GE(semops, 1800) << "every P and every V is a semop";
    }
}

} // namespace
} // namespace ipclab
