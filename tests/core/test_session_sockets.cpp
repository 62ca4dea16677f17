// FIFOs, Unix stream and datagram sockets and TCP on loopback, run for real: traced counts,
// message boundaries, and nothing left behind.
#include "../common/sanitizer.h"
#include "socket_test_support.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

struct Case {
    const char* scenario;
    std::int64_t size;
    std::int64_t rounds;
};

class RequestResponse : public ::testing::TestWithParam<Case> {};

TEST_P(RequestResponse, TransferHoldsTwoCrossingsAndCopiesPerRoundTripPerProcessAndLeavesNothing) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const auto [id, size, rounds] = GetParam();
    const Scenario scenario = test::scenarioNamed(id);
    const auto fdsBefore = test::openFds();
    test::CollectingSink sink;
    RunResult result;
    {
        std::map<std::string, std::string> overrides{{"size", std::to_string(size)},
                                                     {"round_trips", std::to_string(rounds)}};
        if (scenario.findParam("timed_round_trips") != nullptr) {
            overrides["timed_round_trips"] = "0"; // timing has its own test
        }
        Session session(scenario, resolveParams(scenario, overrides), test::testOptions());
        EXPECT_EQ(test::ourRunFolders().size(), scenario.mechanism == "tcp" ? 0u : 1u) << "the run folder exists";
        result = session.run(&sink);
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    if (!result.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << result.traceUnavailableReason;
    }
    ASSERT_EQ(result.processes.size(), 2u);
    for (const ProcessOutcome& p : result.processes) {
        EXPECT_TRUE(p.ok) << p.name << ": " << p.report;
        test::expectRequestResponsePrice(result, p, size, rounds);
    }
    const Tally all = result.summary.ofPhase(Phase::Transfer);
    EXPECT_EQ(all.crossings, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_EQ(all.copies, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_FALSE(result.ipcObjects.empty());
    EXPECT_FALSE(sink.only<BufferSample>().empty()) << "the kernel's buffers should have been sampled";
    // Levels only: whether a message is caught in flight depends on when the reader runs.
    for (const auto& sample : sink.only<BufferSample>()) {
        EXPECT_LE(sample.used, sample.capacity) << sample.channel;
    }
    EXPECT_TRUE(result.measurements.empty());
    EXPECT_TRUE(test::ourRunFolders().empty()) << "a FIFO, socket file or run folder was left behind";
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Mechanisms, RequestResponse,
                         ::testing::Values(Case{"fifo-request-response", 1, 1}, Case{"fifo-request-response", 4096, 3},
                                           Case{"unix-stream-request-response", 1, 1},
                                           Case{"unix-stream-request-response", 4096, 3},
                                           Case{"unix-dgram-request-response", 1, 1},
                                           Case{"unix-dgram-request-response", 65536, 2},
                                           Case{"tcp-request-response", 1, 1}, Case{"tcp-request-response", 4096, 3}),
                         [](const auto& info) {
                             std::string name = std::string(info.param.scenario) + "_" +
                                                std::to_string(info.param.size) + "B_x" +
                                                std::to_string(info.param.rounds);
                             for (char& c : name) {
                                 c = c == '-' ? '_' : c;
                             }
                             return name;
                         });

RunResult runBoundaries(const std::string& id) {
    const Scenario scenario = test::scenarioNamed(id);
    Session session(scenario, resolveParams(scenario, {{"size", "64"}, {"messages", "3"}}), test::testOptions());
    return session.run(nullptr);
}

const ProcessOutcome& reader(const RunResult& result) {
    for (const ProcessOutcome& p : result.processes) {
        if (p.role == "single-reader") {
            return p;
        }
    }
    throw std::logic_error("no reader in the result");
}

TEST(SocketBoundaries, AStreamHandsThreeMessagesOverInOneRead) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const RunResult result = runBoundaries("unix-stream-boundaries");
    ASSERT_TRUE(result.succeeded) << result.failure;
    EXPECT_NE(reader(result).report.find("one read returned 192 bytes"), std::string::npos) << reader(result).report;
    if (result.traced) {
        const Tally reads = result.summary.of(reader(result).pid, Phase::Transfer);
        EXPECT_EQ(reads.crossings, 1u);
        EXPECT_EQ(reads.bytesKernelToUser, 192u);
    }
    EXPECT_TRUE(test::ourRunFolders().empty());
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SocketBoundaries, ADatagramSocketHandsOverOneMessagePerRead) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const RunResult result = runBoundaries("unix-dgram-boundaries");
    ASSERT_TRUE(result.succeeded) << result.failure;
    EXPECT_NE(reader(result).report.find("3 reads, one whole message each: 64, 64, 64 bytes"), std::string::npos)
        << reader(result).report;
    if (result.traced) {
        const Tally reads = result.summary.of(reader(result).pid, Phase::Transfer);
        EXPECT_EQ(reads.crossings, 3u);
        EXPECT_EQ(reads.copies, 3u);
        EXPECT_EQ(reads.bytesKernelToUser, 192u);
    }
    EXPECT_TRUE(test::ourRunFolders().empty());
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(LoopbackLatency, UnixAndTcpMediansAreMeasuredUntracedForEachPlacement) {
    const Scenario scenario = test::scenarioNamed("tcp-request-response");
    Session session(scenario,
                    resolveParams(scenario, {{"size", "64"}, {"round_trips", "1"}, {"timed_round_trips", "200"}}),
                    test::testOptions());
    const RunResult result = session.run(nullptr);
    ASSERT_TRUE(result.succeeded) << result.failure;
    ASSERT_GE(result.measurements.size(), 2u) << "at least the unpinned pair";
    EXPECT_EQ(result.measurements.size() % 2, 0u) << "unix and TCP side by side for each placement";
    for (const Measurement& m : result.measurements) {
        EXPECT_GT(m.value, 0.0) << m.name << ", " << m.placement;
        EXPECT_LT(m.value, 1e9) << m.name << ", " << m.placement; // finite, whatever the machine
        EXPECT_EQ(m.unit, "µs");
        EXPECT_FALSE(m.placement.empty());
        std::cout << "[ figure   ] " << m.placement << ": " << m.name << " " << m.value << " " << m.unit << "\n";
    }
    EXPECT_EQ(result.measurements[0].placement, "unpinned");
    EXPECT_TRUE(test::noChildrenLeft());
}

} // namespace
} // namespace ipclab
