// ipclab-cli repeat: a counter scenario many times, untraced, and the histogram of its losses.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ipclab::test {
namespace {

TEST(CliRepeat, JsonListsEveryRunAndAHistogramThatCountsThemAll) {
    const CliResult result =
        runCli({"repeat", "lost-updates", "--runs", "4", "--param", "increments=100000", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    EXPECT_EQ(report.at("scenario"), "lost-updates");
    EXPECT_EQ(report.at("traced"), false);
    ASSERT_EQ(report.at("runs").size(), 4u);
    int binned = 0;
    for (const auto& bin : report.at("histogram").at("bins")) {
        binned += bin.at("runs").get<int>();
    }
    EXPECT_EQ(binned, 4);
    for (const auto& run : report.at("runs")) {
        EXPECT_EQ(run.at("counter").get<long long>() + run.at("lost").get<long long>(), 200000);
    }
}

TEST(CliRepeat, TextShowsEachRunAndTheHistogram) {
    const CliResult result = runCli({"repeat", "pshared-mutex", "--runs", "2", "--param", "increments=1000"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("run   2 of 2: counter = 2000, 0 updates lost"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("0 of 2 runs lost updates"), std::string::npos) << result.out;
}

TEST(CliRepeat, BadInputExitsTwoNamingIt) {
    CliResult result = runCli({"repeat", "pipe-request-response"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("not a counter scenario"), std::string::npos) << result.err;
    result = runCli({"repeat", "lost-updates", "--runs", "5000"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("number of runs"), std::string::npos) << result.err;
    result = runCli({"repeat", "lost-updates", "--param", "processes=99"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_NE(result.err.find("processes"), std::string::npos) << result.err;
}

} // namespace
} // namespace ipclab::test
