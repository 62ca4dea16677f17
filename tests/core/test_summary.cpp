#include "observe/syscall_decoder.h"
#include "observe/syscall_names.h"
#include "session/summary.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

SyscallRecord call(int pid, const char* name, Phase phase, std::uint64_t a0, std::uint64_t a2, std::int64_t result) {
    static const SyscallDecoder decoder;
    SyscallRecord record;
    record.pid = pid;
    record.nr = syscallNumber(name);
    record.args = {a0, 0, a2, 0, 0, 0};
    record.phase = phase;
    decoder.decodeEntry(record);
    decoder.decodeExit(record, result);
    return record;
}

TEST(SyscallNames, ComeFromLibseccompForX8664) {
    EXPECT_EQ(syscallName(0), "read");
    EXPECT_EQ(syscallName(1), "write");
    EXPECT_EQ(syscallNumber("mq_timedsend"), 242);
    EXPECT_EQ(syscallNumber("no_such_call"), -1);
    EXPECT_EQ(syscallName(100000), "syscall_100000");
}

TEST(SyscallDecoder, KnowsWhichWayEachFamilyCopies) {
    const auto w = call(1, "write", Phase::Transfer, 5, 4096, 4096);
    EXPECT_EQ(w.direction, CopyDirection::UserToKernel);
    EXPECT_EQ(w.copied, 4096u);
    const auto partial = call(1, "read", Phase::Transfer, 4, 4096, 100);
    EXPECT_EQ(partial.direction, CopyDirection::KernelToUser);
    EXPECT_EQ(partial.copied, 100u) << "the kernel copied what it returned, not what was asked";
    const auto failed = call(1, "write", Phase::Transfer, 5, 4096, -32);
    EXPECT_FALSE(failed.movesData());
    EXPECT_EQ(failed.resultText(), "= -1 EPIPE");
    const auto mq = call(1, "mq_timedsend", Phase::Transfer, 3, 128, 0);
    EXPECT_EQ(mq.copied, 128u) << "mq_timedsend returns 0 having copied the whole message";
    const auto rcv = call(1, "msgrcv", Phase::Transfer, 3, 512, 64);
    EXPECT_EQ(rcv.copied, 64u);
    const auto closed = call(1, "close", Phase::Teardown, 4, 0, 0);
    EXPECT_EQ(closed.fd, 4);
    EXPECT_EQ(closed.direction, CopyDirection::None);
    EXPECT_EQ(closed.callText(), "close(fd 4)");
}

TEST(Summary, CountsCrossingsCopiesAndBytesPerProcessAndPhase) {
    Summary summary;
    summary.add(call(10, "write", Phase::Transfer, 5, 4096, 4096));
    summary.add(call(10, "read", Phase::Transfer, 4, 4096, 4096));
    summary.add(call(20, "read", Phase::Transfer, 4, 4096, 4096));
    summary.add(call(20, "write", Phase::Transfer, 5, 4096, 4096));
    summary.add(call(10, "close", Phase::Teardown, 5, 0, 0));
    summary.add(call(20, "read", Phase::Transfer, 4, 4096, 0)); // EOF: a crossing, no copy

    EXPECT_EQ(summary.of(10, Phase::Transfer), (Tally{2, 2, 4096, 4096}));
    EXPECT_EQ(summary.of(20, Phase::Transfer), (Tally{3, 2, 4096, 4096}));
    EXPECT_EQ(summary.of(10, Phase::Teardown), (Tally{1, 0, 0, 0}));
    EXPECT_EQ(summary.ofPhase(Phase::Transfer), (Tally{5, 4, 8192, 8192}));
    EXPECT_EQ(summary.ofProcess(10), (Tally{3, 2, 4096, 4096}));
    EXPECT_EQ(summary.total().crossings, 6u);
    EXPECT_EQ(summary.pids(), (std::vector<int>{10, 20}));
    EXPECT_EQ(summary.of(99, Phase::Setup), Tally{});
}

} // namespace
} // namespace ipclab
