// The tracer against a real tiny program whose system calls are known in advance.
#include "common/monotonic_clock.h"
#include "observe/pace_gate.h"
#include "probe_run.h"

#include <cerrno>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace ipclab {
namespace {

std::vector<SyscallRecord> inPhase(const std::vector<SyscallRecord>& calls, Phase phase) {
    std::vector<SyscallRecord> out;
    for (const auto& call : calls) {
        if (call.phase == phase) {
            out.push_back(call);
        }
    }
    return out;
}

TEST(Tracer, ObservesTheProbesKnownSequenceExactly) {
    test::ProbeRun probe;
    probe.awaitReady();
    test::RecordingObserver observer;
    Tracer tracer(observer, nullptr, monotonicNs());
    const int pid = probe.child->pid();
    const TraceStart start = tracer.start({pid}, pid, true);
    ASSERT_TRUE(start.traced) << start.reason;
    probe.go();
    tracer.join();
    probe.child->markReaped();

    // Nothing of the lesson happens before the probe's Transfer mark, and the mark itself
    // (a write on the control fd) is the observer's own traffic: it must not show.
    EXPECT_TRUE(inPhase(observer.exited(), Phase::Startup).empty());
    const auto calls = inPhase(observer.exited(), Phase::Transfer);
    ASSERT_EQ(calls.size(), 5u);
    EXPECT_EQ(calls[0].name, "getppid");
    EXPECT_EQ(calls[0].result, ::getpid());
    EXPECT_EQ(calls[1].name, "write");
    EXPECT_EQ(calls[1].fd, 4);
    EXPECT_EQ(calls[1].requested, 5u);
    EXPECT_EQ(calls[1].copied, 5u);
    EXPECT_EQ(calls[1].direction, CopyDirection::UserToKernel);
    EXPECT_EQ(calls[1].callText(), "write(fd 4, 5 bytes)");
    EXPECT_EQ(calls[2].name, "read");
    EXPECT_EQ(calls[2].fd, 5);
    EXPECT_EQ(calls[2].result, 0) << "/dev/null reads as end of file";
    EXPECT_FALSE(calls[2].movesData());
    EXPECT_EQ(calls[3].name, "close");
    EXPECT_EQ(calls[3].fd, 4);
    EXPECT_EQ(calls[4].name, "exit_group");
    EXPECT_FALSE(calls[4].finished) << "exit_group never returns";
    for (const auto& call : observer.exited()) {
        EXPECT_NE(call.fd, protocol::kControlFd) << call.callText();
        EXPECT_EQ(call.pid, pid);
    }
    EXPECT_EQ(observer.entered().size(), observer.exited().size());
    EXPECT_EQ(observer.phases(), std::vector<Phase>{Phase::Transfer});
    ASSERT_TRUE(observer.exitedYet());
    EXPECT_TRUE(WIFEXITED(observer.exitStatus()));
    EXPECT_EQ(WEXITSTATUS(observer.exitStatus()), 7);

    char bytes[8] = {};
    EXPECT_EQ(::read(probe.pipe.read.get(), bytes, sizeof bytes), 5);
    EXPECT_STREQ(bytes, "hello");
}

TEST(Tracer, UntracedStillReapsAndSaysWhy) {
    test::ProbeRun probe;
    probe.awaitReady();
    test::RecordingObserver observer;
    Tracer tracer(observer, nullptr, monotonicNs());
    const int pid = probe.child->pid();
    const TraceStart start = tracer.start({pid}, pid, false);
    EXPECT_FALSE(start.traced);
    EXPECT_FALSE(start.reason.empty());
    probe.go();
    tracer.join();
    probe.child->markReaped();
    EXPECT_TRUE(observer.exited().empty());
    ASSERT_TRUE(observer.exitedYet());
    EXPECT_EQ(WEXITSTATUS(observer.exitStatus()), 7);
}

TEST(Tracer, StepModeHoldsTheChildAtSyscallEntryUntilReleased) {
    test::ProbeRun probe;
    probe.awaitReady();
    test::RecordingObserver observer;
    PaceGate gate;
    gate.setMode(PaceMode::Step);
    Tracer tracer(observer, &gate, monotonicNs());
    const int pid = probe.child->pid();
    ASSERT_TRUE(tracer.start({pid}, pid, true).traced);
    probe.go();

    auto waitForHeld = [&](std::size_t count) {
        for (int i = 0; i < 500 && observer.held().size() < count; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return observer.held().size();
    };
    ASSERT_EQ(waitForHeld(1), 1u);
    EXPECT_EQ(observer.held()[0].name, "getppid");
    // Held: however long we wait, the probe does not get further.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(observer.held().size(), 1u);
    EXPECT_TRUE(observer.exited().empty());
    EXPECT_FALSE(observer.exitedYet());

    gate.step();
    ASSERT_EQ(waitForHeld(2), 2u);
    EXPECT_EQ(observer.held()[1].name, "write");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(observer.exited().size(), 1u) << "only getppid may have finished";
    char byte = 0;
    ::fcntl(probe.pipe.read.get(), F_SETFL, O_NONBLOCK);
    EXPECT_EQ(::read(probe.pipe.read.get(), &byte, 1), -1) << "the write must not have happened yet";
    EXPECT_EQ(errno, EAGAIN);

    gate.setMode(PaceMode::Free);
    tracer.join();
    probe.child->markReaped();
    EXPECT_EQ(observer.exited().size(), 5u);
}

} // namespace
} // namespace ipclab
