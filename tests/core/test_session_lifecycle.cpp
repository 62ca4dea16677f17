// Every way a run can end leaves nothing behind: stopped by the user, a child killed.
#include "common/error.h"
#include "observe/pace_gate.h"
#include "session/latency_comparison.h"
#include "session_fixture.h"

#include <csignal>
#include <future>
#include <gtest/gtest.h>
#include <thread>

namespace ipclab {
namespace {

/// Starts a run in Step mode on another thread and waits until a child is held at an entry.
struct HeldRun {
    PaceGate gate;
    test::CollectingSink sink;
    std::unique_ptr<Session> session;
    std::future<RunResult> result;

    HeldRun() {
        gate.setMode(PaceMode::Step);
        SessionOptions options = test::testOptions();
        options.gate = &gate;
        const Scenario scenario = test::pipeScenario();
        session = std::make_unique<Session>(scenario, resolveParams(scenario, {}), options);
        result = std::async(std::launch::async, [this] { return session->run(&sink); });
    }

    bool waitHeld() {
        for (int i = 0; i < 500; ++i) {
            if (!sink.only<HeldAtEntry>().empty() || !sink.only<Notice>().empty()) {
                return !sink.only<HeldAtEntry>().empty();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
};

TEST(SessionLifecycle, StopWhileHeldEndsTheRunAndKillsTheChildren) {
    const auto fdsBefore = test::openFds();
    RunResult result;
    {
        HeldRun run;
        if (!run.waitHeld()) {
            run.session->requestStop();
            GTEST_SKIP() << "ptrace unavailable here: no held entry";
        }
        run.session->requestStop();
        ASSERT_EQ(run.result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
        result = run.result.get();
    }
    EXPECT_TRUE(result.stopped);
    EXPECT_FALSE(result.succeeded);
    EXPECT_FALSE(result.failure.empty());
    for (const auto& p : result.processes) {
        EXPECT_TRUE(p.signaled) << p.name << " should have been killed";
        EXPECT_EQ(p.signal, SIGKILL);
    }
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SessionLifecycle, AChildKilledFromOutsideFailsTheRunAndTheOtherIsStopped) {
    const auto fdsBefore = test::openFds();
    RunResult result;
    {
        HeldRun run;
        if (!run.waitHeld()) {
            run.session->requestStop();
            GTEST_SKIP() << "ptrace unavailable here";
        }
        const auto started = run.sink.only<ProcessStarted>();
        ASSERT_EQ(started.size(), 2u);
        const int server = started[1].pid;
        ASSERT_EQ(started[1].name, "P2");
        ::kill(server, SIGKILL);
        // The survivor is held in Step mode; killing its peer must still end the run.
        ASSERT_EQ(run.result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
        result = run.result.get();
    }
    EXPECT_FALSE(result.succeeded);
    EXPECT_FALSE(result.stopped);
    EXPECT_NE(result.failure.find("P2 was killed by signal 9"), std::string::npos) << result.failure;
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SessionLifecycle, StopAskedBeforeTheRunBeginsStartsNothingAndLeavesNothing) {
    const auto fdsBefore = test::openFds();
    const Scenario scenario = test::pipeScenario();
    RunResult result;
    {
        Session session(scenario, resolveParams(scenario, {}), test::testOptions());
        session.requestStop();
        result = session.run(nullptr);
    }
    EXPECT_TRUE(result.stopped);
    EXPECT_FALSE(result.succeeded);
    EXPECT_TRUE(result.syscalls.empty());
    EXPECT_TRUE(test::noChildrenLeft());
    EXPECT_EQ(test::openFds(), fdsBefore);
}

TEST(SessionLifecycle, AStopDuringTheUntracedTimingPassEndsItBeforeTheNextSubRun) {
    const std::atomic<bool> stop{true};
    const auto started = std::chrono::steady_clock::now();
    const auto figures = compareLoopbackLatency(64, 2000, IPCLAB_TEST_WORKER, stop);
    EXPECT_TRUE(figures.empty()) << "nothing may be measured after Stop";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SessionLifecycle, AMissingWorkerProgramIsAClearErrorBeforeAnythingStarts) {
    SessionOptions options;
    options.workerPath = "/nonexistent/ipclab-worker";
    const Scenario scenario = test::pipeScenario();
    try {
        Session session(scenario, resolveParams(scenario, {}), options);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/ipclab-worker"), std::string::npos);
    }
}

TEST(SessionLifecycle, AnUnknownMechanismIsABadScenario) {
    Scenario scenario = test::pipeScenario();
    scenario.mechanism = "carrier-pigeon";
    try {
        Session session(scenario, resolveParams(scenario, {}), test::testOptions());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadScenario);
        EXPECT_EQ(exitCodeFor(e.kind()), 2);
        EXPECT_NE(std::string(e.what()).find("carrier-pigeon"), std::string::npos);
    }
}

} // namespace
} // namespace ipclab
