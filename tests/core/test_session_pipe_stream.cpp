// The pipe as a byte stream, and the pipe filling up, run for real.
#include "../common/sanitizer.h"
#include "common/error.h"
#include "session_fixture.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

std::vector<SyscallRecord> transferCalls(const RunResult& result, int pid) {
    std::vector<SyscallRecord> calls;
    for (const auto& call : result.syscalls) {
        if (call.pid == pid && call.phase == Phase::Transfer) {
            calls.push_back(call);
        }
    }
    return calls;
}

TEST(PipeByteStream, OneReadGetsEveryMessageRunTogether) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const Scenario scenario = test::scenarioNamed("pipe-byte-stream");
    const auto fdsBefore = test::openFds();
    RunResult result;
    {
        Session session(scenario, resolveParams(scenario, {{"size", "100"}, {"messages", "3"}}), test::testOptions());
        result = session.run(nullptr);
    }
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    const int writer = result.processes[0].pid;
    const int reader = result.processes[1].pid;
    const auto writes = transferCalls(result, writer);
    const auto reads = transferCalls(result, reader);
    ASSERT_EQ(writes.size(), 3u) << "one write per message";
    for (const auto& call : writes) {
        EXPECT_EQ(call.name, "write");
        EXPECT_EQ(call.copied, 100u);
    }
    ASSERT_EQ(reads.size(), 1u) << "the reader makes a single read";
    EXPECT_EQ(reads[0].name, "read");
    EXPECT_EQ(reads[0].requested, 301u);
    EXPECT_EQ(reads[0].result, 300) << "three messages came back as one run of bytes";
    EXPECT_GT(reads[0].entryNs, writes.back().exitNs) << "the reader starts after the writer is done";
    EXPECT_NE(result.processes[1].report.find("run together"), std::string::npos) << result.processes[1].report;
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(PipeByteStream, MessagesThatCannotAllWaitInThePipeAreRefusedBeforeAnythingStarts) {
    const Scenario scenario = test::scenarioNamed("pipe-byte-stream");
    const auto fdsBefore = test::openFds();
    try {
        Session session(scenario, resolveParams(scenario, {{"size", "16KiB"}, {"messages", "8"}}), test::testOptions());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::BadParameter);
        EXPECT_EQ(exitCodeFor(e.kind()), 2);
        EXPECT_NE(std::string(e.what()).find("F_GETPIPE_SZ"), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::openFds(), fdsBefore) << "the refused run left a pipe open";
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(PipeFillsUp, TheWriterWaitsInTheKernelUntilTheReaderDrainsThePipe) {
    const Scenario scenario = test::scenarioNamed("pipe-fills-up");
    test::CollectingSink sink;
    const std::int64_t size = 256 * 1024;
    Session session(
        scenario,
        resolveParams(scenario, {{"size", std::to_string(size)}, {"chunk", "16KiB"}, {"reader_delay_ms", "300"}}),
        test::testOptions());
    const RunResult result = session.run(&sink);
    ASSERT_TRUE(result.succeeded) << result.failure;
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    const int writer = result.processes[0].pid;
    const int reader = result.processes[1].pid;

    SyscallRecord write;
    for (const auto& call : transferCalls(result, writer)) {
        if (call.name == "write") {
            write = call;
        }
    }
    ASSERT_TRUE(write.finished);
    EXPECT_EQ(write.copied, static_cast<std::uint64_t>(size)) << "one call moved everything";

    // The write cannot have returned before the reader made room for all but one pipeful.
    std::uint64_t capacity = 0;
    for (const auto& sample : sink.only<BufferSample>()) {
        capacity = sample.capacity;
    }
    ASSERT_GT(capacity, 0u);
    std::uint64_t drainedBeforeWriteReturned = 0;
    for (const auto& call : transferCalls(result, reader)) {
        if (call.name == "read" && call.exitNs <= write.exitNs) {
            drainedBeforeWriteReturned += call.copied;
        }
        EXPECT_GT(call.entryNs, write.entryNs) << "the reader starts late, the writer is already waiting";
    }
    EXPECT_GE(drainedBeforeWriteReturned, static_cast<std::uint64_t>(size) - capacity);

    bool sawFull = false;
    for (const auto& sample : sink.only<BufferSample>()) {
        sawFull = sawFull || sample.used == sample.capacity;
    }
    EXPECT_TRUE(sawFull) << "the gauge never showed the pipe full while the writer waited";
    EXPECT_TRUE(test::noChildrenLeft());
}

} // namespace
} // namespace ipclab
