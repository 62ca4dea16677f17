// Shared memory from the command line: the mappings in the JSON, as root and as nobody.
#include "cli_runner.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

namespace ipclab::test {
namespace {

TEST(CliShm, JsonListsEachProcesssMappingPageByPage) {
    const CliResult result = runCli({"run", "sysv-shm", "--param", "page_delay_ms=0", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    ASSERT_EQ(report["mappings"].size(), 2u);
    for (const auto& mapping : report["mappings"]) {
        EXPECT_EQ(mapping["pages"].size(), 5u);
        for (const auto& page : mapping["pages"]) {
            EXPECT_TRUE(page["present"].get<bool>());
            EXPECT_TRUE(page["pfn"].is_number() || mapping["pfns_hidden"].get<bool>());
        }
    }
    EXPECT_EQ(report["summary"]["phases"]["transfer"]["crossings"], 0);
}

TEST(CliShm, WithoutPrivilegeFramesAreHiddenWithAReasonNeverNumbers) {
    const CliResult result =
        runCliUnder(IPCLAB_TEST_AS_NOBODY, {"run", "sysv-shm", "--param", "page_delay_ms=0", "--json"});
    if (result.exitCode == 77) {
        GTEST_SKIP() << result.err;
    }
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    ASSERT_EQ(report["mappings"].size(), 2u);
    for (const auto& mapping : report["mappings"]) {
        EXPECT_TRUE(mapping["pfns_hidden"].get<bool>());
        EXPECT_NE(mapping["pfn_hidden_reason"].get<std::string>().find("CAP_SYS_ADMIN"), std::string::npos);
        for (const auto& page : mapping["pages"]) {
            EXPECT_TRUE(page["pfn"].is_null()) << "a frame number the kernel did not give";
        }
        ASSERT_TRUE(mapping["smaps"].is_object()) << "what an unprivileged user can still read: " << mapping.dump();
        EXPECT_GT(mapping["smaps"]["rss"].get<int>(), 0);
    }
    EXPECT_EQ(report["mappings"][0]["inode"], report["mappings"][1]["inode"]) << "the evidence of sharing";
}

} // namespace
} // namespace ipclab::test

namespace ipclab::test {
namespace {

TEST(CliShm, ASegmentLargerThanShmmaxIsRefusedWithExitTwoAndNothingLeft) {
    // 4 data pages + 1 header page = 20480 bytes, against a shmmax of 8192 in a private namespace.
    const auto runFolders = [] {
        std::set<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
            if (entry.path().filename().string().rfind("ipclab-", 0) == 0) {
                names.insert(entry.path().filename().string());
            }
        }
        return names;
    };
    const auto before = runFolders();
    const CliResult result = runCliUnder(IPCLAB_TEST_SMALL_SHMMAX, {"run", "sysv-shm"});
    if (result.exitCode == 77) {
        GTEST_SKIP() << result.err;
    }
    EXPECT_EQ(result.exitCode, 2) << result.out << result.err;
    EXPECT_NE(result.err.find("shmmax"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("8192"), std::string::npos) << result.err;
    // Tests running alongside (ctest -j) make run folders of their own; theirs go away when their
    // run ends, a folder the refused run left behind stays.
    std::set<std::string> left;
    std::ranges::set_difference(runFolders(), before, std::inserter(left, left.end()));
    for (int i = 0; i < 100 && !left.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::set<std::string> still;
        std::ranges::set_intersection(left, runFolders(), std::inserter(still, still.end()));
        left = std::move(still);
    }
    EXPECT_TRUE(left.empty()) << "the refused run left its folder behind: " << *left.begin();
}

} // namespace
} // namespace ipclab::test
