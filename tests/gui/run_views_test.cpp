// One list of the views of a run, and one map of its process names, for live runs and replay.
#include "gui/bridge/session_controller.h"
#include "gui/common/process_names.h"
#include "gui/lab/run_controls.h"
#include "gui/replay/run_replay.h"
#include "gui/run/run_views.h"
#include "gui/shell/main_window.h"
#include "test_events.h"

#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

using test::call;

/// A view that keeps what it was handed, and what the names said of each event's process then.
class ProbeView : public EventView {
public:
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override {
        for (const Event& event : batch) {
            received.push_back(event.seq);
            if (const auto* entered = std::get_if<SyscallEntered>(&event.payload)) {
                namesSeen.push_back(names.nameOf(entered->call.pid));
            }
        }
        ++batches;
    }
    void clear() override {
        received.clear();
        namesSeen.clear();
        ++clears;
    }

    std::vector<std::uint64_t> received;
    QStringList namesSeen;
    int batches = 0;
    int clears = 0;
};

TEST(ProcessNames, NamesAnnouncedProcessesAndSpellsTheOthersByPid) {
    ProcessNames names;
    EXPECT_EQ(names.nameOf(100), "pid 100");
    EXPECT_EQ(names.find(100), nullptr);
    names.add(std::vector<Event>{test::started(100, "P1", "client"), test::started(200, "P2", "server"),
                                 test::entered(call(100, "write", Phase::Transfer, CopyDirection::UserToKernel, 8))});
    EXPECT_EQ(names.size(), 2u);
    EXPECT_EQ(names.nameOf(100), "P1");
    EXPECT_EQ(names.nameOf(200), "P2");
    ASSERT_NE(names.find(200), nullptr);
    EXPECT_EQ(names.find(200)->role, "server");
    EXPECT_EQ(names.nameOf(4242), "pid 4242") << "a forked child the run did not announce";
    EXPECT_EQ(ProcessNames::unannounced(4242), "pid 4242");
    names.clear();
    EXPECT_EQ(names.size(), 0u);
    EXPECT_EQ(names.nameOf(100), "pid 100");
}

TEST(RunViews, EveryViewGetsEveryBatchWithTheNamesAlreadyLearned) {
    ProbeView first;
    ProbeView second;
    RunViews views;
    views.add(first);
    views.add(second);
    EXPECT_EQ(views.size(), 2u);
    // P1 is announced in the very batch that has its first call: the views already know its name.
    std::vector<Event> batch = {test::started(100, "P1", "client"),
                                test::entered(call(100, "write", Phase::Transfer, CopyDirection::UserToKernel, 8)),
                                test::entered(call(300, "read", Phase::Transfer, CopyDirection::KernelToUser, 8))};
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i].seq = i + 1;
    }
    views.addEvents(batch);
    for (const ProbeView* view : {&first, &second}) {
        EXPECT_EQ(view->received, (std::vector<std::uint64_t>{1, 2, 3}));
        EXPECT_EQ(view->namesSeen, QStringList({"P1", "pid 300"}));
    }
    EXPECT_EQ(views.names().nameOf(100), "P1");

    views.clear();
    EXPECT_EQ(first.clears, 1);
    EXPECT_EQ(second.clears, 1);
    EXPECT_TRUE(first.received.empty());
    EXPECT_EQ(views.names().size(), 0u) << "a new run's names start empty";
}

TEST(RunViews, AViewRegisteredOnceIsDrawnLiveAndInTheReplay) {
    ProbeView probe; // outlives the window, which holds it in its list
    MainWindow window{MainWindowOptions{IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR}};
    window.runViews().add(probe);
    window.controls()->setMode(PaceMode::Free);
    window.controls()->runButton()->click();
    ASSERT_TRUE(window.session()->isRunning()) << "the run did not start";
    EXPECT_EQ(probe.clears, 1) << "a new run clears every view";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, 90000));
    ASSERT_TRUE(window.lastResult().has_value()) << "the run failed";
    ASSERT_TRUE(window.replay()->available());

    // Live: the probe saw exactly what the replay recorded, in order.
    const std::vector<Event>& recorded = window.replay()->events();
    std::vector<std::uint64_t> expected;
    for (const Event& event : recorded) {
        expected.push_back(event.seq);
    }
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(probe.received, expected);

    // Replayed: going back rebuilds it from nothing, going forward adds the rest.
    const int half = window.replay()->count() / 2;
    window.replay()->seek(half);
    EXPECT_EQ(probe.clears, 2);
    EXPECT_EQ(probe.received, std::vector<std::uint64_t>(expected.begin(), expected.begin() + half));
    window.replay()->seek(window.replay()->count());
    EXPECT_EQ(probe.received, expected);
}

} // namespace
} // namespace ipclab
