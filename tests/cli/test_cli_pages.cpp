// Explanation pages on the command line: listed and marked, refused by 'run' with exit 2, and
// loaded (and checked) from an extra --scenarios folder.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ipclab::test {
namespace {

constexpr int kBadUsage = 2;

const char* const kExtraPage = "kind = \"page\"\n"
                               "id = \"extra-page\"\n"
                               "title = \"An instructor's page\"\n"
                               "section = 20\n"
                               "summary = \"Added from a folder.\"\n"
                               "text = \"Some words.\"\n"
                               "[[links]]\n"
                               "id = \"sysv-shm\"\n";

TEST(CliPages, ListMarksPagesUnderTheirSection) {
    const CliResult result = runCli({"list"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const std::size_t section = result.out.find("§2 Visual metaphor\n");
    ASSERT_NE(section, std::string::npos) << result.out;
    const std::size_t page = result.out.find("  toy-shop-metaphor (page, not runnable): ");
    EXPECT_GT(page, section) << result.out;
    EXPECT_NE(result.out.find("see: posix-shm, sysv-shm, pipe-request-response"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("§16 System V message queues\n  mq-calls (page, not runnable)"), std::string::npos)
        << result.out;
    // Scenarios are not marked.
    EXPECT_NE(result.out.find("  pipe-request-response: "), std::string::npos) << result.out;
}

TEST(CliPages, JsonTellsPagesFromScenarios) {
    const CliResult result = runCli({"list", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const nlohmann::json list = nlohmann::json::parse(result.out);
    int pages = 0;
    int lastSection = 0;
    for (const nlohmann::json& entry : list) {
        EXPECT_GE(entry["section"].get<int>(), lastSection) << "not in lesson order";
        lastSection = entry["section"].get<int>();
        if (entry["kind"] == "page") {
            ++pages;
            EXPECT_FALSE(entry["links"].empty()) << entry.dump();
            EXPECT_FALSE(entry.contains("processes")) << entry.dump();
        } else {
            EXPECT_EQ(entry["kind"], "scenario") << entry.dump();
        }
        if (entry["id"] == "toy-shop-metaphor") {
            EXPECT_TRUE(entry["image"].get<std::string>().ends_with("resources/toy-shop.svg")) << entry.dump();
        }
    }
    EXPECT_GE(pages, 10);
}

TEST(CliPages, RunningAPageIsBadUsage) {
    const CliResult result = runCli({"run", "toy-shop-metaphor"});
    EXPECT_EQ(result.exitCode, kBadUsage) << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    for (const char* needle : {"'toy-shop-metaphor' is an explanation page", "not a runnable scenario",
                               "pipe-request-response", "toy-shop-metaphor.toml"}) {
        EXPECT_NE(result.err.find(needle), std::string::npos) << "missing '" << needle << "' in:\n" << result.err;
    }
}

TEST(CliPages, ExtraFolderPagesAreListedAndRefusedByRun) {
    TempDir dir;
    dir.write("extra.toml", kExtraPage);
    CliResult result = runCli({"--scenarios", dir.path(), "list"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("  extra-page (page, not runnable): An instructor's page"), std::string::npos)
        << result.out;
    result = runCli({"--scenarios", dir.path(), "run", "extra-page"});
    EXPECT_EQ(result.exitCode, kBadUsage) << result.err;
    EXPECT_NE(result.err.find("explanation page"), std::string::npos) << result.err;
}

TEST(CliPages, BrokenLinkInAnExtraPageNamesFileLineAndField) {
    TempDir dir;
    std::string text = kExtraPage;
    text.replace(text.find("\"sysv-shm\""), 10, "\"sysv-shmm\"");
    dir.write("extra.toml", text);
    const CliResult result = runCli({"--scenarios", dir.path(), "list"});
    EXPECT_EQ(result.exitCode, kBadUsage) << result.err;
    const std::string where = dir.path() + "/extra.toml:8:6: field 'links[0].id'";
    EXPECT_NE(result.err.find(where), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("\"sysv-shmm\""), std::string::npos) << result.err;
}

} // namespace
} // namespace ipclab::test
