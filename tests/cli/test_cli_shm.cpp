// Shared memory from the command line: the mappings in the JSON, as root and as nobody.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
        EXPECT_GT(mapping["smaps"]["rss"].get<int>(), 0) << "what an unprivileged user can still read";
    }
    EXPECT_EQ(report["mappings"][0]["inode"], report["mappings"][1]["inode"]) << "the evidence of sharing";
}

} // namespace
} // namespace ipclab::test
