// FIFO paths and socket files: shown, private, and gone after the run, also when a worker was
// killed mid-run; bad parameters are refused before anything exists.
#include "../common/sanitizer.h"
#include "common/error.h"
#include "observe/pace_gate.h"
#include "socket_test_support.h"

#include <chrono>
#include <csignal>
#include <future>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

namespace ipclab {
namespace {

TEST(FifoObjects, ThePathsAreShownWithTheirModeAndExistOnlyDuringTheRun) {
    const Scenario scenario = test::scenarioNamed("fifo-request-response");
    Session session(scenario, resolveParams(scenario, {}), test::testOptions());
    const auto folders = test::ourRunFolders();
    ASSERT_EQ(folders.size(), 1u);
    struct stat info {};
    ASSERT_EQ(::stat((folders[0] / "requests").c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode));
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(folders[0].c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0700u);

    const RunResult result = session.run(nullptr);
    ASSERT_TRUE(result.succeeded) << result.failure;
    ASSERT_EQ(result.ipcObjects.size(), 2u);
    EXPECT_EQ(result.ipcObjects[0].rfind("FIFO " + (folders[0] / "requests").string() + " (mode 0600", 0), 0u)
        << result.ipcObjects[0];
}

TEST(FifoObjects, AWorkerKilledMidRunStillLeavesNoPathBehind) {
    PaceGate gate;
    gate.setMode(PaceMode::Step);
    SessionOptions options = test::testOptions();
    options.gate = &gate;
    const Scenario scenario = test::scenarioNamed("fifo-request-response");
    test::CollectingSink sink;
    RunResult result;
    {
        Session session(scenario, resolveParams(scenario, {}), options);
        auto running = std::async(std::launch::async, [&] { return session.run(&sink); });
        bool held = false;
        for (int i = 0; i < 500 && !held && sink.only<Notice>().size() < 2; ++i) {
            held = !sink.only<HeldAtEntry>().empty();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (!held) {
            session.requestStop();
            running.wait();
            GTEST_SKIP() << "ptrace unavailable here: nothing was held";
        }
        EXPECT_EQ(test::ourRunFolders().size(), 1u) << "the FIFOs exist while the run is held";
        ::kill(sink.only<ProcessStarted>().at(1).pid, SIGKILL);
        ASSERT_EQ(running.wait_for(std::chrono::seconds(20)), std::future_status::ready);
        result = running.get();
    }
    EXPECT_FALSE(result.succeeded);
    EXPECT_TRUE(test::ourRunFolders().empty()) << "the FIFOs outlived a killed run";
    EXPECT_TRUE(test::noChildrenLeft());
}

/// Widens a parameter's range in the scenario so that resolveParams lets a value through that
/// only the kernel's limit, checked by the plan, refuses.
Scenario widened(const std::string& id, const std::string& param, std::int64_t max) {
    Scenario scenario = test::scenarioNamed(id);
    for (ParamSpec& spec : scenario.params) {
        if (spec.name == param) {
            spec.max = max;
        }
    }
    return scenario;
}

void expectKernelLimitAndNothingCreated(const Scenario& scenario, const std::map<std::string, std::string>& params) {
    const auto fdsBefore = test::openFds();
    try {
        Session session(scenario, resolveParams(scenario, params), test::testOptions());
        ADD_FAILURE() << "the session accepted parameters over the kernel's limit";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::KernelLimit) << error.what();
        EXPECT_EQ(exitCodeFor(error.kind()), 2);
        EXPECT_NE(std::string(error.what()).find(scenario.id), std::string::npos) << error.what();
    }
    EXPECT_TRUE(test::ourRunFolders().empty()) << "a refused run left its folder";
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SocketLimits, ADatagramLargerThanTheSendBufferIsRefusedBeforeAnythingStarts) {
    expectKernelLimitAndNothingCreated(widened("unix-dgram-request-response", "size", 1 << 24),
                                       {{"size", std::to_string(1 << 22)}});
}

TEST(SocketLimits, MoreDatagramsThanTheKernelQueuesForAnIdleReaderAreRefused) {
    expectKernelLimitAndNothingCreated(widened("unix-dgram-boundaries", "messages", 100000),
                                       {{"size", "1"}, {"messages", "100000"}});
}

TEST(SocketLimits, ABurstThatCannotFitTheSendBufferIsRefused) {
    expectKernelLimitAndNothingCreated(widened("unix-stream-boundaries", "size", 1 << 24),
                                       {{"size", std::to_string(1 << 22)}});
}

TEST(SocketLimits, AScenarioPairingRolesThatDoNotGoTogetherIsABadScenario) {
    Scenario scenario = test::scenarioNamed("unix-stream-request-response");
    scenario.processes[1].role = "single-reader";
    EXPECT_THROW(Session(scenario, resolveParams(scenario, {}), test::testOptions()), Error);
    EXPECT_TRUE(test::ourRunFolders().empty());
}

} // namespace
} // namespace ipclab
