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
    Tracer tracer(observer, nullptr, monotonicNs(), probe.killer());
    const int pid = probe.child->pid();
    const TraceStart start = tracer.start({pid}, pid, true);
    ASSERT_TRUE(start.traced) << start.reason;
    probe.go();
    tracer.join();

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
    Tracer tracer(observer, nullptr, monotonicNs(), probe.killer());
    const int pid = probe.child->pid();
    const TraceStart start = tracer.start({pid}, pid, false);
    EXPECT_FALSE(start.traced);
    EXPECT_FALSE(start.reason.empty());
    probe.go();
    tracer.join();
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
    Tracer tracer(observer, &gate, monotonicNs(), probe.killer());
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
    EXPECT_EQ(observer.exited().size(), 5u);
}

} // namespace
} // namespace ipclab

namespace ipclab {
namespace {

TEST(Tracer, AnInterruptedAndRestartedCallIsOneCallNotTwo) {
    test::ProbeRun probe("restart");
    probe.awaitReady();
    test::RecordingObserver observer;
    Tracer tracer(observer, nullptr, monotonicNs(), probe.killer());
    const int pid = probe.child->pid();
    ASSERT_TRUE(tracer.start({pid}, pid, true).traced);
    probe.go();
    auto blockedInRead = [&] {
        for (const auto& call : observer.entered()) {
            if (call.name == "read" && call.fd == 6) {
                return true;
            }
        }
        return false;
    };
    for (int i = 0; i < 500 && !blockedInRead(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(blockedInRead());
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // let it sleep inside the read
    ::kill(pid, SIGUSR1);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_EQ(::write(probe.input.write.get(), "x", 1), 1);
    tracer.join();

    int reads = 0;
    for (const auto& call : observer.exited()) {
        EXPECT_FALSE(call.result <= -512 && call.result >= -516) << "a kernel-internal restart code leaked";
        if (call.name == "read" && call.fd == 6) {
            ++reads;
            EXPECT_EQ(call.result, 1);
            EXPECT_EQ(call.copied, 1u);
        }
    }
    EXPECT_EQ(reads, 1);
    int readEntries = 0;
    for (const auto& call : observer.entered()) {
        readEntries += call.name == "read" && call.fd == 6 ? 1 : 0;
    }
    EXPECT_EQ(readEntries, 1) << "the restart must not show as a second crossing";
    EXPECT_EQ(WEXITSTATUS(observer.exitStatus()), 0);
}

} // namespace
} // namespace ipclab
