// System V message queue scenarios run for real: one queue made by the session, two workers, ptrace.
#include "../common/sanitizer.h"
#include "common/error.h"
#include "mechanisms/mq/sysv_mq_protocol.h"
#include "mq_test_support.h"
#include "observe/kernel_limits.h"

#include <csignal>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

struct Shape {
    std::int64_t size;
    std::int64_t rounds;
};

class SysvMqRequestResponse : public ::testing::TestWithParam<Shape> {};

TEST_P(SysvMqRequestResponse, OneQueueTwoTypesTwoCrossingsAndCopiesPerRoundTripPerProcess) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const auto [size, rounds] = GetParam();
    const Scenario scenario = test::scenarioNamed("sysv-mq-request-response");
    const auto fdsBefore = test::openFds();
    test::CollectingSink sink;
    const RunResult result =
        test::runScenario(scenario, {{"size", std::to_string(size)}, {"round_trips", std::to_string(rounds)}}, &sink);
    if (!result.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << result.traceUnavailableReason;
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    ASSERT_EQ(result.processes.size(), 2u);
    int msqid = -1;
    for (const ProcessOutcome& p : result.processes) {
        EXPECT_TRUE(p.ok) << p.name << ": " << p.report;
        test::expectRequestResponsePrice(result, p, size, rounds);
        // The client asks only for responses (type 2), the server only for requests (type 1).
        const long wanted = p.role == "client" ? sysvmq::kResponseType : sysvmq::kRequestType;
        for (const SyscallRecord& call : test::callsOf(result, p.pid, Phase::Transfer)) {
            ASSERT_TRUE(call.name == "msgsnd" || call.name == "msgrcv") << call.name;
            EXPECT_EQ(call.copied, static_cast<std::uint64_t>(size)) << call.callText();
            if (call.name == "msgrcv") {
                EXPECT_EQ(static_cast<long>(call.args[3]), wanted) << p.name << "'s msgrcv type";
            }
            msqid = call.ipcId;
        }
    }
    const Tally all = result.summary.ofPhase(Phase::Transfer);
    EXPECT_EQ(all.crossings, static_cast<std::uint64_t>(4 * rounds));
    EXPECT_EQ(all.copies, static_cast<std::uint64_t>(4 * rounds));
    for (const auto& sample : sink.only<BufferSample>()) {
        EXPECT_LE(sample.used, sample.capacity) << sample.channel;
    }

    const key_t key = test::sysvKeyOf(result);
    ASSERT_NE(key, -1);
    EXPECT_EQ(static_cast<unsigned>(key) >> 24, static_cast<unsigned>(kSysvProjectId)) << "ftok's project id";
    EXPECT_FALSE(test::sysvQueueExists(key)) << "the queue was left behind";
    msqid_ds gone{};
    EXPECT_NE(::msgctl(msqid, IPC_STAT, &gone), 0) << "msqid " << msqid << " still answers";
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Sizes, SysvMqRequestResponse, ::testing::Values(Shape{1, 1}, Shape{4096, 3}, Shape{8192, 2}),
                         [](const auto& info) {
                             return std::to_string(info.param.size) + "B_x" + std::to_string(info.param.rounds);
                         });

TEST(SysvMqTypes, AReceiverAskingForTypeTwoGetsOnlyThoseAndTheRestStayQueued) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const Scenario scenario = test::scenarioNamed("sysv-mq-types");
    const std::int64_t size = 100;
    const std::int64_t count = 7; // types 1 2 3 1 2 3 1: two of type 2, five others
    test::CollectingSink sink;
    RunResult result;
    key_t key = -1;
    {
        Session session(scenario, resolveParams(scenario, {{"size", "100"}, {"messages", "7"}}), test::testOptions());
        result = session.run(&sink);
        key = test::sysvKeyOf(result);
        EXPECT_TRUE(test::sysvQueueExists(key)) << "the session owns the queue until it goes";
    }
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    const ProcessOutcome& receiver = result.processes[1];
    ASSERT_EQ(receiver.role, "typed-receiver");
    EXPECT_NE(receiver.report.find("5 messages of other types stay queued"), std::string::npos) << receiver.report;

    const auto calls = test::callsOf(result, receiver.pid, Phase::Transfer);
    ASSERT_EQ(calls.size(), 4u) << "'all sent', two of type 2, one more ask that finds none";
    EXPECT_EQ(static_cast<long>(calls[0].args[3]), sysvmq::kAllSentType);
    EXPECT_EQ(calls[0].result, 1);
    for (std::size_t j = 1; j < calls.size(); ++j) {
        EXPECT_EQ(calls[j].name, "msgrcv");
        EXPECT_EQ(static_cast<long>(calls[j].args[3]), sysvmq::kWantedType);
    }
    EXPECT_EQ(calls[1].result, size);
    EXPECT_EQ(calls[2].result, size);
    EXPECT_EQ(calls[3].result, -ENOMSG) << "no type 2 left, though others are";
    // Seen by the session's own msgctl(IPC_STAT): after the last receive, five messages remain.
    std::uint64_t lastDepth = 0;
    for (const auto& sample : sink.only<BufferSample>()) {
        if (sample.channel == "queue (messages)") {
            lastDepth = sample.used;
        }
    }
    EXPECT_EQ(lastDepth, static_cast<std::uint64_t>(count - 2));
    EXPECT_FALSE(test::sysvQueueExists(key)) << "IPC_RMID must remove the queue, messages and all";
    EXPECT_TRUE(test::noChildrenLeft());
}

/// Expects Error(KernelLimit) naming `needles`, and that the failed session named no run.
void expectKernelLimit(const Scenario& scenario, const std::map<std::string, std::string>& params,
                       const std::vector<std::string>& needles) {
    const std::string next = test::nextRunTag();
    try {
        Session session(scenario, resolveParams(scenario, params), test::testOptions());
        ADD_FAILURE() << "expected Error(KernelLimit)";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::KernelLimit);
        for (const auto& needle : needles) {
            EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(test::nextRunTag(), test::tagPlus(next, 1)) << "nothing may have been named, let alone created";
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::temp_directory_path() / next));
}

TEST(SysvMqLimits, ASizeOverMsgmaxIsAKernelLimitAndCreatesNothing) {
    const auto limit = KernelLimits::read().msgMax;
    const Scenario scenario = test::scenarioNamed("sysv-mq-request-response");
    if (!limit || *limit >= scenario.findParam("size")->max) {
        GTEST_SKIP() << "kernel.msgmax is unreadable or above the scenario's own maximum";
    }
    expectKernelLimit(
        scenario, {{"size", std::to_string(*limit + 1)}},
        {"parameter 'size' = " + std::to_string(*limit + 1), "kernel.msgmax = " + std::to_string(*limit)});
}

TEST(SysvMqLimits, MessagesThatCannotAllWaitAtOnceAreAKernelLimit) {
    const auto limits = KernelLimits::read();
    const Scenario scenario = test::scenarioNamed("sysv-mq-types");
    if (!limits.msgMnb || !limits.msgMax || *limits.msgMnb / 30 >= std::min<std::int64_t>(*limits.msgMax, 65536)) {
        GTEST_SKIP() << "this machine's queues are too roomy for the scenario's maximum to overflow";
    }
    const std::int64_t size = *limits.msgMnb / 30 + 1;
    expectKernelLimit(scenario, {{"size", std::to_string(size)}, {"messages", "30"}},
                      {"'messages' x 'size'", "kernel.msgmnb = " + std::to_string(*limits.msgMnb)});
}

class SysvMqKilled : public ::testing::TestWithParam<const char*> {};

TEST_P(SysvMqKilled, KillingAWorkerMidRunStillRemovesTheQueue) {
    const auto fdsBefore = test::openFds();
    key_t key = -1;
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
        key = test::sysvKeyOf(result);
        ASSERT_NE(key, -1);
        EXPECT_TRUE(test::sysvQueueExists(key)) << "the session still owns the queue";
    }
    EXPECT_FALSE(test::sysvQueueExists(key)) << "the queue was left behind";
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

INSTANTIATE_TEST_SUITE_P(Scenarios, SysvMqKilled, ::testing::Values("sysv-mq-request-response", "sysv-mq-types"),
                         [](const auto& info) { return test::testNameOf(info.param); });

} // namespace
} // namespace ipclab
