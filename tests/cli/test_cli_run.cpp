// ipclab-cli run against real workers: the JSON contract and the lesson's numbers.
#include "../common/sanitizer.h"
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>

namespace ipclab::test {
namespace {

using nlohmann::json;

constexpr std::int64_t kSize = 4096;
constexpr std::int64_t kRoundTrips = 3;

/// Parses stdout as the run report; a document that is not JSON fails the test.
json tracedReport(const CliResult& result) {
    json report = json::parse(result.out, nullptr, false);
    EXPECT_FALSE(report.is_discarded()) << result.out << result.err;
    return report;
}

TEST(CliRun, JsonShowsFourCrossingsAndCopiesPerRoundTrip) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const CliResult result =
        runCli({"run", "pipe-request-response", "--param", "size=4096", "--param", "round_trips=3", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const json report = tracedReport(result);
    ASSERT_TRUE(report.is_object());
    if (report["traced"] == false) {
        GTEST_SKIP() << "tracing unavailable: " << report["trace_unavailable_reason"];
    }
    EXPECT_EQ(report["succeeded"], true);
    EXPECT_EQ(report["params"]["size"], kSize);
    ASSERT_EQ(report["processes"].size(), 2U);
    for (const json& process : report["processes"]) {
        EXPECT_EQ(process["exit_code"], 0);
        EXPECT_EQ(process["ok"], true);
    }
    const json& transfer = report["summary"]["phases"]["transfer"];
    EXPECT_EQ(transfer["crossings"], 4 * kRoundTrips);
    EXPECT_EQ(transfer["copies"], 4 * kRoundTrips);
    EXPECT_EQ(transfer["bytes_user_to_kernel"], kRoundTrips * 2 * kSize);
    EXPECT_EQ(transfer["bytes_kernel_to_user"], kRoundTrips * 2 * kSize);
    EXPECT_FALSE(report["syscalls"].empty());
}

TEST(CliRun, TextReportEndsWithAVerdict) {
    const CliResult result = runCli({"run", "pipe-request-response", "--param", "round_trips=2"});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    EXPECT_NE(result.out.find("verdict: OK"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("P1"), std::string::npos) << result.out;
}

TEST(CliRun, NoTraceRunsUntraced) {
    const CliResult result = runCli({"run", "pipe-request-response", "--no-trace", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const json report = json::parse(result.out);
    EXPECT_EQ(report["traced"], false);
    EXPECT_EQ(report["succeeded"], true);
    EXPECT_TRUE(report["syscalls"].empty());
}

TEST(CliRun, SigtermStopsTheRunAndExitsOne) {
    // Long enough that it is still running when the signal comes.
    const CliResult result =
        runCli({"run", "pipe-request-response", "--param", "size=1M", "--param", "round_trips=1000", "--json"},
               std::chrono::milliseconds(500), SIGTERM);
    if (result.exitCode == 0) {
        GTEST_SKIP() << "the run finished before the signal came";
    }
    EXPECT_EQ(result.exitCode, 1) << result.err;
    const json report = json::parse(result.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << result.out << result.err;
    EXPECT_EQ(report["stopped"], true);
    EXPECT_NE(result.err.find("stopped by SIGTERM"), std::string::npos) << result.err;
}

} // namespace
} // namespace ipclab::test
