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

namespace ipclab {
namespace {

SyscallRecord decoded(const char* name, std::array<std::uint64_t, 6> args, std::int64_t result) {
    static const SyscallDecoder decoder;
    SyscallRecord record;
    record.nr = syscallNumber(name);
    record.args = args;
    decoder.decodeEntry(record);
    decoder.decodeExit(record, result);
    return record;
}

TEST(SyscallDecoder, SystemVIdsAreNotFds) {
    const auto snd = decoded("msgsnd", {5, 0x1000, 128, 0, 0, 0}, 0);
    EXPECT_EQ(snd.fd, -1);
    EXPECT_EQ(snd.ipcId, 5);
    EXPECT_EQ(snd.copied, 128u);
    EXPECT_EQ(snd.callText(), "msgsnd(msqid 5, 128 bytes)");
    EXPECT_EQ(decoded("msgrcv", {5, 0x1000, 512, 0, 0, 0}, 64).callText(), "msgrcv(msqid 5, up to 512 bytes)");
    EXPECT_EQ(decoded("semop", {3, 0x1000, 1, 0, 0, 0}, 0).callText(), "semop(semid 3)");
    EXPECT_EQ(decoded("shmat", {7, 0, 0, 0, 0, 0}, 0x7f0000000000).callText(), "shmat(shmid 7)");
    EXPECT_EQ(decoded("shmget", {0x1bc00001, 65536, 01600, 0, 0, 0}, 7).callText(),
              "shmget(key 0x1bc00001, 65536 bytes)");
}

TEST(SyscallDecoder, MemoryAndFutexCallsSayWhatTheyAreAbout) {
    const auto anon = decoded("mmap", {0, 1 << 20, 3, 0x22, static_cast<std::uint64_t>(-1), 0}, 0x7f0000000000);
    EXPECT_EQ(anon.fd, -1);
    EXPECT_EQ(anon.callText(), "mmap(1048576 bytes)");
    EXPECT_FALSE(anon.movesData()) << "mapping copies nothing";
    EXPECT_EQ(decoded("mmap", {0, 4096, 3, 1, 5, 0}, 0x7f0000000000).callText(), "mmap(fd 5, 4096 bytes)");
    EXPECT_EQ(decoded("munmap", {0x7f0000000000, 4096, 0, 0, 0, 0}, 0).callText(), "munmap(4096 bytes)");
    EXPECT_EQ(decoded("futex", {0x1000, 128 | 0, 2, 0, 0, 0}, 0).callText(), "futex(FUTEX_WAIT)");
    EXPECT_EQ(decoded("futex", {0x1000, 1, 1, 0, 0, 0}, 1).callText(), "futex(FUTEX_WAKE)");
    EXPECT_EQ(decoded("mq_timedsend", {4, 0x1000, 64, 3, 0, 0}, 0).callText(), "mq_timedsend(mqd 4, 64 bytes)");
    EXPECT_EQ(decoded("getpid", {}, 42).callText(), "getpid(…)");
}

} // namespace
} // namespace ipclab
