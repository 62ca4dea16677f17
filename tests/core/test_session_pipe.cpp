// The pipe request/response scenario run for real through core: two workers, two pipes, ptrace.
#include "../common/sanitizer.h"
#include "session_fixture.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

struct Shape {
    std::int64_t size;
    std::int64_t rounds;
};

class PipeRequestResponse : public ::testing::TestWithParam<Shape> {};

TEST_P(PipeRequestResponse, TransferPhaseHoldsTwoCrossingsAndCopiesPerRoundTripPerProcess) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const auto [size, rounds] = GetParam();
    const Scenario scenario = test::pipeScenario();
    const auto fdsBefore = test::openFds();
    test::CollectingSink sink;
    const RunResult result =
        test::runScenario(scenario, {{"size", std::to_string(size)}, {"round_trips", std::to_string(rounds)}}, &sink);
    if (!result.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << result.traceUnavailableReason;
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    ASSERT_EQ(result.processes.size(), 2u);
    for (const ProcessOutcome& p : result.processes) {
        EXPECT_TRUE(p.ok) << p.name << ": " << p.report;
        EXPECT_EQ(p.exitCode, 0);
        test::expectRequestResponsePrice(result, p, size, rounds);
    }
    const Tally all = result.summary.ofPhase(Phase::Transfer);
    EXPECT_EQ(all.crossings, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_EQ(all.copies, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_EQ(all.bytesUserToKernel, static_cast<std::uint64_t>(2 * size * rounds));
    EXPECT_EQ(all.bytesKernelToUser, static_cast<std::uint64_t>(2 * size * rounds));
    EXPECT_EQ(result.summary.ofPhase(Phase::Startup).crossings, 0u) << "the observer's handshake must not show";

    // The event stream: ordered, and it carries the same calls as the result.
    const auto events = sink.events();
    for (std::size_t i = 1; i < events.size(); ++i) {
        EXPECT_LT(events[i - 1].seq, events[i].seq);
    }
    EXPECT_EQ(sink.only<SyscallExited>().size(), result.syscalls.size());
    EXPECT_EQ(sink.only<ProcessStarted>().size(), 2u);
    EXPECT_EQ(sink.only<ProcessExited>().size(), 2u);
    EXPECT_FALSE(sink.only<BufferSample>().empty());
    for (const auto& sample : sink.only<BufferSample>()) {
        EXPECT_LE(sample.used, sample.capacity);
        EXPECT_GE(sample.capacity, 4096u);
    }

    EXPECT_EQ(test::openFds(), fdsBefore) << "a pipe or control fd was left open";
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Sizes, PipeRequestResponse, ::testing::Values(Shape{1, 1}, Shape{4096, 3}, Shape{65536, 2}),
                         [](const auto& info) {
                             return std::to_string(info.param.size) + "B_x" + std::to_string(info.param.rounds);
                         });

TEST(PipeRequestResponseLarge, MessagesLargerThanThePipeArriveIntactInMoreCalls) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const Scenario scenario = test::pipeScenario();
    const std::int64_t size = 1 << 20;
    Session session(scenario, resolveParams(scenario, {{"size", "1MiB"}, {"round_trips", "2"}}), test::testOptions());
    const RunResult result = session.run(nullptr);
    ASSERT_TRUE(result.succeeded) << result.failure;
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    const Tally all = result.summary.ofPhase(Phase::Transfer);
    EXPECT_EQ(all.bytesUserToKernel, static_cast<std::uint64_t>(2 * 2 * size));
    EXPECT_EQ(all.bytesKernelToUser, static_cast<std::uint64_t>(2 * 2 * size));
    // 1 MiB does not fit a 64 KiB pipe: the kernel takes it in pieces, so reads outnumber messages.
    EXPECT_GT(all.crossings, 8u);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(PipeRequestResponseUntraced, RunsAndVerifiesWithoutPtrace) {
    const Scenario scenario = test::pipeScenario();
    SessionOptions options = test::testOptions();
    options.trace = false;
    Session session(scenario, resolveParams(scenario, {}), options);
    test::CollectingSink sink;
    const RunResult result = session.run(&sink);
    EXPECT_TRUE(result.succeeded) << result.failure;
    EXPECT_FALSE(result.traced);
    EXPECT_FALSE(result.traceUnavailableReason.empty());
    EXPECT_TRUE(result.syscalls.empty()) << "nothing may be shown as observed when nothing was";
    EXPECT_EQ(sink.only<SyscallEntered>().size(), 0u);
    ASSERT_FALSE(sink.only<Notice>().empty());
    EXPECT_NE(sink.only<Notice>().front().text.find("unavailable"), std::string::npos);
    EXPECT_TRUE(test::noChildrenLeft());
}

} // namespace
} // namespace ipclab
