// POSIX message queue scenarios run for real: two workers, queues made by the session, ptrace.
#include "../common/sanitizer.h"
#include "common/error.h"
#include "mechanisms/mq/posix_mq_protocol.h"
#include "mq_test_support.h"
#include "observe/kernel_limits.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

struct Shape {
    std::int64_t size;
    std::int64_t rounds;
};

class PosixMqRequestResponse : public ::testing::TestWithParam<Shape> {};

TEST_P(PosixMqRequestResponse, TwoCrossingsAndCopiesPerRoundTripPerProcessAndWholeMessages) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const auto [size, rounds] = GetParam();
    const Scenario scenario = test::scenarioNamed("posix-mq-request-response");
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
        test::expectRequestResponsePrice(result, p, size, rounds);
        for (const SyscallRecord& call : test::callsOf(result, p.pid, Phase::Transfer)) {
            ASSERT_TRUE(call.name == "mq_timedsend" || call.name == "mq_timedreceive") << call.name;
            // A queue keeps boundaries: one receive, one whole message.
            EXPECT_EQ(call.copied, static_cast<std::uint64_t>(size)) << call.callText();
        }
        const auto setup = test::callsOf(result, p.pid, Phase::Setup);
        EXPECT_EQ(std::count_if(setup.begin(), setup.end(), [](const auto& c) { return c.name == "mq_open"; }), 2)
            << p.name << " opens both queues itself";
    }
    const Tally all = result.summary.ofPhase(Phase::Transfer);
    EXPECT_EQ(all.crossings, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_EQ(all.copies, static_cast<std::uint64_t>(4 * rounds));

    const auto samples = sink.only<BufferSample>();
    ASSERT_FALSE(samples.empty());
    for (const auto& sample : samples) {
        EXPECT_EQ(sample.unit, LevelUnit::Messages);
        EXPECT_LE(sample.used, sample.capacity);
    }
    const auto names = test::posixQueueNames(result);
    ASSERT_EQ(names.size(), 2u);
    for (const auto& name : names) {
        EXPECT_FALSE(test::posixQueueExists(name)) << name << " was left behind";
    }
    EXPECT_EQ(test::openFds(), fdsBefore) << "a queue descriptor or control fd was left open";
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Sizes, PosixMqRequestResponse, ::testing::Values(Shape{1, 1}, Shape{4096, 3}, Shape{8192, 2}),
                         [](const auto& info) {
                             return std::to_string(info.param.size) + "B_x" + std::to_string(info.param.rounds);
                         });

TEST(PosixMqPriorities, TheKernelHandsOutTheHighestPriorityFirstEachMessageWhole) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const Scenario scenario = test::scenarioNamed("posix-mq-priorities");
    const std::int64_t size = 1000;
    const std::int64_t count = 5;
    Session session(scenario, resolveParams(scenario, {{"size", "1000"}, {"messages", "5"}}), test::testOptions());
    const RunResult result = session.run(nullptr);
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    const ProcessOutcome& receiver = result.processes[1];
    ASSERT_EQ(receiver.role, "priority-receiver");
    EXPECT_NE(receiver.report.find("highest first"), std::string::npos) << receiver.report;

    // Each message's length tells which it was: the kernel's own answers must come in priority order.
    std::vector<std::pair<unsigned, std::size_t>> sent;
    for (std::int64_t k = 0; k < count; ++k) {
        sent.emplace_back(posixmq::priorityOf(k), posixmq::lengthOf(k, count, size));
    }
    std::sort(sent.begin(), sent.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const auto receives = test::callsOf(result, receiver.pid, Phase::Transfer);
    ASSERT_EQ(receives.size(), static_cast<std::size_t>(count + 1)) << "'all sent', then one receive per message";
    EXPECT_EQ(receives[0].result, 1) << "the first receive is the one-byte 'all sent'";
    for (std::size_t j = 0; j < sent.size(); ++j) {
        EXPECT_EQ(receives[j + 1].name, "mq_timedreceive");
        EXPECT_EQ(receives[j + 1].requested, static_cast<std::uint64_t>(size)) << "room for the longest every time";
        EXPECT_EQ(receives[j + 1].result, static_cast<std::int64_t>(sent[j].second))
            << "receive " << j << " should be the message of priority " << sent[j].first;
    }
    const auto sends = test::callsOf(result, result.processes[0].pid, Phase::Transfer);
    ASSERT_EQ(sends.size(), static_cast<std::size_t>(count + 1));
    // The receiver began draining only after everything was queued.
    EXPECT_GT(receives[1].entryNs, sends.back().entryNs);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(PosixMqLimits, ASizeOverMsgsizeMaxIsAKernelLimitAndCreatesNothing) {
    const auto limit = KernelLimits::read().mqMsgsizeMax;
    const Scenario scenario = test::scenarioNamed("posix-mq-request-response");
    if (!limit || *limit >= scenario.findParam("size")->max) {
        GTEST_SKIP() << "fs.mqueue.msgsize_max is unreadable or above the scenario's own maximum";
    }
    const std::string next = test::nextRunTag();
    try {
        Session session(scenario, resolveParams(scenario, {{"size", std::to_string(*limit + 1)}}), test::testOptions());
        FAIL() << "expected Error(KernelLimit)";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::KernelLimit);
        EXPECT_NE(std::string(e.what()).find("parameter 'size' = " + std::to_string(*limit + 1)), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("fs.mqueue.msgsize_max = " + std::to_string(*limit)), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(test::nextRunTag(), test::tagPlus(next, 1)) << "the failed session must not even have named a run";
    EXPECT_FALSE(test::posixQueueExists("/" + next + "-requests"));
}

TEST(PosixMqLimits, MoreMessagesThanMsgMaxIsAKernelLimit) {
    const auto limit = KernelLimits::read().mqMsgMax;
    const Scenario scenario = test::scenarioNamed("posix-mq-priorities");
    if (!limit || *limit >= scenario.findParam("messages")->max) {
        GTEST_SKIP() << "fs.mqueue.msg_max is unreadable or above the scenario's own maximum";
    }
    try {
        Session session(scenario, resolveParams(scenario, {{"messages", std::to_string(*limit + 1)}}),
                        test::testOptions());
        FAIL() << "expected Error(KernelLimit)";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::KernelLimit);
        EXPECT_NE(std::string(e.what()).find("fs.mqueue.msg_max"), std::string::npos) << e.what();
    }
}

TEST(PosixMqCleanup, AQueueCreatedBeforeTheSecondOneFailedIsRemovedAndAStrangersIsKept) {
    const Scenario scenario = test::scenarioNamed("posix-mq-request-response");
    // Someone else already holds the name the run's second queue would get.
    const std::string next = test::nextRunTag();
    const std::string stranger = "/" + next + "-responses";
    mq_attr attr{};
    attr.mq_maxmsg = 1;
    attr.mq_msgsize = 8;
    const mqd_t held = ::mq_open(stranger.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    ASSERT_NE(held, static_cast<mqd_t>(-1)) << std::strerror(errno);
    const std::string first = "/" + next + "-requests";
    EXPECT_THROW({ Session session(scenario, resolveParams(scenario, {}), test::testOptions()); }, Error);
    EXPECT_FALSE(test::posixQueueExists(first)) << "the first queue must go when the second fails";
    EXPECT_TRUE(test::posixQueueExists(stranger)) << "a queue ipclab did not make must stay";
    ::mq_close(held);
    ::mq_unlink(stranger.c_str());
}

class PosixMqKilled : public ::testing::TestWithParam<const char*> {};

TEST_P(PosixMqKilled, KillingAWorkerMidRunStillRemovesTheQueues) {
    const auto fdsBefore = test::openFds();
    std::vector<std::string> names;
    {
        test::HeldRun run(test::scenarioNamed(GetParam()));
        if (!run.waitHeld()) {
            run.session->requestStop();
            GTEST_SKIP() << "ptrace unavailable here: no held entry";
        }
        const auto started = run.sink.only<ProcessStarted>();
        ASSERT_EQ(started.size(), 2u);
        ::kill(started[1].pid, SIGKILL);
        ASSERT_EQ(run.result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
        const RunResult result = run.result.get();
        EXPECT_FALSE(result.succeeded);
        names = test::posixQueueNames(result);
        ASSERT_EQ(names.size(), 2u);
        for (const auto& name : names) {
            EXPECT_TRUE(test::posixQueueExists(name)) << "the session still owns " << name;
        }
    }
    for (const auto& name : names) {
        EXPECT_FALSE(test::posixQueueExists(name)) << name << " was left behind";
    }
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Scenarios, PosixMqKilled,
                         ::testing::Values("posix-mq-request-response", "posix-mq-priorities"),
                         [](const auto& info) { return test::testNameOf(info.param); });

} // namespace
} // namespace ipclab
