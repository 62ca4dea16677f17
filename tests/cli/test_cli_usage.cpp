// ipclab-cli's handling of listing and of bad input: every mistake exits 2 and names the culprit.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace ipclab::test {
namespace {

constexpr int kBadUsage = 2;

std::string shippedScenarioText() {
    std::ifstream in(std::string(IPCLAB_TEST_SCENARIO_DIR) + "/pipe-request-response.toml");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Expects exit code 2 and every one of `needles` in stderr.
void expectBadInput(const std::vector<std::string>& args, const std::vector<std::string>& needles) {
    const CliResult result = runCli(args);
    EXPECT_EQ(result.exitCode, kBadUsage) << result.err;
    for (const std::string& needle : needles) {
        EXPECT_NE(result.err.find(needle), std::string::npos) << "missing '" << needle << "' in:\n" << result.err;
    }
    EXPECT_EQ(result.err.rfind("ipclab-cli: ", 0), 0U) << result.err;
}

TEST(CliList, JsonParsesAndHasTheDefaultScenario) {
    const CliResult result = runCli({"list", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const nlohmann::json list = nlohmann::json::parse(result.out);
    ASSERT_TRUE(list.is_array());
    bool found = false;
    for (const nlohmann::json& scenario : list) {
        if (scenario["id"] == "pipe-request-response") {
            found = true;
            EXPECT_EQ(scenario["section"], 4);
            EXPECT_EQ(scenario["processes"].size(), 2U);
        }
    }
    EXPECT_TRUE(found) << result.out;
}

TEST(CliList, TextIsGroupedBySection) {
    const CliResult result = runCli({"list"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("§4 Message-based IPC"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("pipe-request-response"), std::string::npos) << result.out;
}

TEST(CliList, ExtraFolderAddsScenarios) {
    TempDir dir;
    std::string text = shippedScenarioText();
    text.replace(text.find("\"pipe-request-response\""), 23, "\"my-extra-scenario\"");
    dir.write("extra.toml", text);
    const CliResult result = runCli({"--scenarios", dir.path(), "list", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("my-extra-scenario"), std::string::npos);
}

TEST(CliHelp, HelpExitsZero) {
    const CliResult result = runCli({"--help"});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_NE(result.out.find("run"), std::string::npos);
    EXPECT_EQ(runCli({"run", "--help"}).exitCode, 0);
}

TEST(CliUsage, UnknownCommand) {
    expectBadInput({"frobnicate"}, {"frobnicate"});
}

TEST(CliUsage, MissingCommand) {
    expectBadInput({}, {"no command", "list, run"});
}

TEST(CliUsage, MissingScenarioArgument) {
    expectBadInput({"run"}, {"scenario"});
}

TEST(CliUsage, UnknownOption) {
    expectBadInput({"run", "pipe-request-response", "--fast"}, {"--fast"});
}

TEST(CliUsage, UnknownScenario) {
    expectBadInput({"run", "no-such-scenario"}, {"no-such-scenario", "pipe-request-response"});
}

TEST(CliUsage, ParameterTooSmall) {
    expectBadInput({"run", "pipe-request-response", "--param", "size=0"}, {"'size' = 0", "1 B .. 1 MiB"});
}

TEST(CliUsage, ParameterTooLarge) {
    expectBadInput({"run", "pipe-request-response", "--param", "size=2M"}, {"'size' = 2097152", "1 B .. 1 MiB"});
}

TEST(CliUsage, UnknownParameter) {
    expectBadInput({"run", "pipe-request-response", "--param", "nope=1"}, {"'nope'", "size", "round_trips"});
}

TEST(CliUsage, MalformedParameter) {
    expectBadInput({"run", "pipe-request-response", "--param", "size"}, {"\"size\"", "NAME=VALUE"});
    expectBadInput({"run", "pipe-request-response", "--param", "=4096"}, {"\"=4096\"", "NAME=VALUE"});
    expectBadInput({"run", "pipe-request-response", "--param", "size=lots"}, {"'size' = \"lots\""});
}

TEST(CliUsage, MissingScenarioFolder) {
    expectBadInput({"--scenarios", "/nonexistent/ipclab", "list"}, {"/nonexistent/ipclab"});
}

TEST(CliUsage, BrokenScenarioFileNamesFileAndLine) {
    TempDir dir;
    std::string text = shippedScenarioText();
    text.replace(text.find("\"pipe-request-response\""), 23, "\"broken-one\"");
    text.replace(text.find("max = 1048576"), 13, "max = \"ten\"");
    dir.write("broken.toml", text);
    int line = 1;
    for (std::size_t i = 0; i < text.find("max = \"ten\""); ++i) {
        line += text[i] == '\n' ? 1 : 0;
    }
    const std::string where = dir.path() + "/broken.toml:" + std::to_string(line) + ":";
    expectBadInput({"--scenarios", dir.path(), "list"}, {where, "params[0].max"});
    expectBadInput({"--scenarios", dir.path(), "run", "pipe-request-response"}, {where});
}

} // namespace
} // namespace ipclab::test
