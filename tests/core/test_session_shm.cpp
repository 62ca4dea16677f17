// Shared memory for real: two workers map one object; the kernel's page tables say what they share.
#include "common/error.h"
#include "report/mapping_report.h"
#include "session/mapping_sampler.h"
#include "session_fixture.h"

#include <csignal>
#include <future>
#include <gtest/gtest.h>
#include <regex>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <thread>

namespace ipclab {
namespace {

/// The System V key a run reported in its objects ("key 0x1b…").
std::optional<key_t> reportedKey(const RunResult& result) {
    std::smatch match;
    for (const auto& object : result.ipcObjects) {
        if (std::regex_search(object, match, std::regex("key (0x[0-9a-f]+)"))) {
            return static_cast<key_t>(std::stoul(match[1].str(), nullptr, 16));
        }
    }
    return std::nullopt;
}

class SharedMemory : public ::testing::TestWithParam<std::string> {};

TEST_P(SharedMemory, SameFramesDifferentAddressesNoCallWhileTheDataMoves) {
    const Scenario scenario = test::scenarioNamed(GetParam());
    const auto fdsBefore = test::openFds();
    RunResult result;
    {
        Session session(scenario, resolveParams(scenario, {{"pages", "6"}, {"page_delay_ms", "0"}}),
                        test::testOptions());
        result = session.run(nullptr);
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    if (!result.traced) {
        GTEST_SKIP() << result.traceUnavailableReason;
    }
    for (const ProcessOutcome& p : result.processes) {
        EXPECT_EQ(result.summary.of(p.pid, Phase::Transfer).crossings, 0u)
            << p.name << ": after setup the kernel is out of the way";
        EXPECT_GT(result.summary.of(p.pid, Phase::Setup).crossings, 0u) << p.name << " maps the object in setup";
    }
    ASSERT_EQ(result.mappings.size(), 2u) << "one mapping per process";
    const MappingSnapshot& a = result.mappings[0];
    const MappingSnapshot& b = result.mappings[1];
    EXPECT_NE(a.pid, b.pid);
    EXPECT_EQ(a.pages.size(), 7u) << "six data pages and the header page";
    EXPECT_EQ(a.inode, b.inode) << "one object behind both mappings";
    // "Written by" is claimed only where the kernel really keeps soft-dirty bits.
    EXPECT_EQ(a.writesTracked, softDirtyWorks());
    EXPECT_EQ(b.writesTracked, softDirtyWorks());
    if (softDirtyWorks()) {
        const auto& writer = result.processes[0].pid == a.pid ? a : b;
        const auto& reader = result.processes[0].pid == a.pid ? b : a;
        for (std::size_t i = 1; i < writer.pages.size(); ++i) {
            EXPECT_TRUE(writer.pages[i].softDirty) << "the writer wrote data page " << i;
            EXPECT_FALSE(reader.pages[i].softDirty) << "the reader only read data page " << i;
        }
    }
    for (const auto* m : {&a, &b}) {
        for (const PageInfo& page : m->pages) {
            EXPECT_TRUE(page.present) << "every page was touched by both";
        }
    }
    if (a.pfnsHidden) {
        EXPECT_FALSE(a.hiddenReason.empty());
        GTEST_SKIP() << "frames hidden here: " << a.hiddenReason;
    }
    EXPECT_EQ(pagesOnSameFrames(a, b), std::optional<std::size_t>(7)) << "page by page, the same frames";
    for (const auto* m : {&a, &b}) {
        ASSERT_FALSE(m->privatePages.empty()) << "a heap page for contrast";
        ASSERT_TRUE(m->privatePages[0].pfn);
        for (const PageInfo& page : a.pages) {
            EXPECT_NE(*page.pfn, *m->privatePages[0].pfn) << "private pages have frames of their own";
        }
    }
    EXPECT_NE(*a.privatePages[0].pfn, *b.privatePages[0].pfn);
    EXPECT_EQ(test::openFds(), fdsBefore);
    EXPECT_TRUE(test::noChildrenLeft());
    if (const auto key = reportedKey(result)) {
        EXPECT_LT(::shmget(*key, 0, 0), 0) << "the segment must be gone";
    }
}

INSTANTIATE_TEST_SUITE_P(Mechanisms, SharedMemory, ::testing::Values("sysv-shm", "posix-shm", "mmap-file"),
                         [](const auto& param) {
                             std::string name = param.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(SharedMemoryPersistence, TheSegmentOutlivesItsCreatorAndIsReadableLater) {
    const Scenario scenario = test::scenarioNamed("sysv-shm-persistence");
    test::CollectingSink sink;
    RunResult result;
    {
        Session session(scenario, resolveParams(scenario, {{"page_delay_ms", "0"}}), test::testOptions());
        result = session.run(&sink);
    }
    ASSERT_TRUE(result.succeeded) << result.failure;
    bool toldItOutlived = false;
    for (const Notice& notice : sink.only<Notice>()) {
        toldItOutlived = toldItOutlived || notice.text.find("attached by 0 processes") != std::string::npos;
    }
    EXPECT_TRUE(toldItOutlived) << "the kernel's table must show the segment with its creator gone";
    ASSERT_EQ(result.processes.size(), 2u);
    EXPECT_NE(result.processes[1].report.find("after their writer had exited"), std::string::npos);
    const auto key = reportedKey(result);
    ASSERT_TRUE(key);
    EXPECT_LT(::shmget(*key, 0, 0), 0) << "the late reader removed it";
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SharedMemoryErrors, AKeyThatIsTakenIsRefusedAndItsSegmentLeftAlone) {
    const key_t taken = 0x1b7ffe01;
    const int theirs = ::shmget(taken, 4096, IPC_CREAT | IPC_EXCL | 0600);
    ASSERT_GE(theirs, 0) << "the test key is in use already";
    const Scenario scenario = test::scenarioNamed("sysv-shm");
    try {
        Session session(scenario, resolveParams(scenario, {{"key", std::to_string(taken)}}), test::testOptions());
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(exitCodeFor(e.kind()), 2);
        EXPECT_NE(std::string(e.what()).find("0x1b7ffe01"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("IPC_EXCL"), std::string::npos) << e.what();
    }
    EXPECT_EQ(::shmget(taken, 0, 0), theirs) << "someone else's segment must survive";
    ::shmctl(theirs, IPC_RMID, nullptr);
}

TEST(SharedMemoryErrors, AWriterKilledMidRunLeavesNoSegment) {
    const Scenario scenario = test::scenarioNamed("sysv-shm");
    std::optional<key_t> key;
    {
        test::CollectingSink sink;
        Session session(scenario, resolveParams(scenario, {{"pages", "8"}, {"page_delay_ms", "500"}}),
                        test::testOptions());
        auto running = std::async(std::launch::async, [&] { return session.run(&sink); });
        int writer = 0;
        for (int i = 0; i < 500 && writer == 0; ++i) {
            for (const auto& snapshot : sink.only<MappingSnapshot>()) {
                writer = snapshot.pid; // P1 has the segment mapped and is writing it
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ASSERT_NE(writer, 0) << "no mapping was announced";
        ::kill(writer, SIGKILL); // it never reaches its own IPC_RMID
        ASSERT_EQ(running.wait_for(std::chrono::seconds(30)), std::future_status::ready);
        const RunResult result = running.get();
        EXPECT_FALSE(result.succeeded);
        EXPECT_NE(result.failure.find("killed by signal 9"), std::string::npos) << result.failure;
        key = reportedKey(result);
    }
    ASSERT_TRUE(key);
    EXPECT_LT(::shmget(*key, 0, 0), 0) << "the session removes what a killed writer could not";
    EXPECT_TRUE(test::noChildrenLeft());
}

TEST(SharedMemoryErrors, AStoppedRunLeavesNoSegment) {
    const Scenario scenario = test::scenarioNamed("sysv-shm");
    std::optional<key_t> key;
    {
        test::CollectingSink sink;
        Session session(scenario, resolveParams(scenario, {{"pages", "8"}, {"page_delay_ms", "500"}}),
                        test::testOptions());
        auto running = std::async(std::launch::async, [&] { return session.run(&sink); });
        for (int i = 0; i < 500 && sink.only<MappingSnapshot>().empty(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ASSERT_FALSE(sink.only<MappingSnapshot>().empty());
        session.requestStop();
        const RunResult result = running.get();
        EXPECT_TRUE(result.stopped);
        key = reportedKey(result);
    }
    ASSERT_TRUE(key);
    EXPECT_LT(::shmget(*key, 0, 0), 0) << "a stopped run must not leave its segment behind";
    EXPECT_TRUE(test::noChildrenLeft());
}

} // namespace
} // namespace ipclab
