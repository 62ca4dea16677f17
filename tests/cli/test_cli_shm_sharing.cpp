// The mapping figures a run keeps are from a moment when both processes had the object mapped,
// and each page says when it first became present (lesson §6–§9; audit D3, D4).
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace ipclab::test {
namespace {

class CliShmSharing : public ::testing::TestWithParam<std::string> {};

TEST_P(CliShmSharing, BothProcessesShowTheSharingTheyHadWhileBothMappedIt) {
    // page_delay_ms=0: the two processes overlap for a few milliseconds only, so a figure read as
    // one of them lets go would show it alone with the object (Pss = Rss, shared 0).
    const CliResult result = runCli({"run", GetParam(), "--param", "page_delay_ms=0", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    ASSERT_TRUE(report["traced"].get<bool>()) << "the moment both are mapped is caught at a detach stop";
    ASSERT_EQ(report["mappings"].size(), 2u);
    for (const auto& mapping : report["mappings"]) {
        ASSERT_TRUE(mapping["smaps"].is_object()) << mapping.dump();
        const auto rss = mapping["smaps"]["rss"].get<std::uint64_t>();
        EXPECT_GT(mapping["smaps"]["shared"].get<std::uint64_t>(), 0u) << mapping["process"] << " " << mapping["smaps"];
        EXPECT_LT(mapping["smaps"]["pss"].get<std::uint64_t>(), rss) << "Pss is Rss split among the sharers";
    }
}

TEST_P(CliShmSharing, EachPresentPageSaysWhenItFirstWasPresent) {
    const CliResult result = runCli({"run", GetParam(), "--param", "page_delay_ms=0", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    const auto duration = report["duration_ns"].get<std::int64_t>();
    ASSERT_FALSE(report["mappings"].empty());
    for (const auto& mapping : report["mappings"]) {
        for (const auto& page : mapping["pages"]) {
            if (!page["present"].get<bool>()) {
                EXPECT_TRUE(page["first_present_ns"].is_null()) << page.dump();
                continue;
            }
            ASSERT_TRUE(page["first_present_ns"].is_number_integer()) << page.dump();
            const auto when = page["first_present_ns"].get<std::int64_t>();
            EXPECT_GE(when, 0);
            EXPECT_LE(when, duration) << "within the run";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Objects, CliShmSharing, ::testing::Values("sysv-shm", "posix-shm", "mmap-file"),
                         [](const auto& test) {
                             std::string name = test.param;
                             std::erase(name, '-');
                             return name;
                         });

} // namespace
} // namespace ipclab::test
