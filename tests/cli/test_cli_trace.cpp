// ipclab-cli run --trace-out: the run as Chrome Trace Event JSON, written whole or not at all.
#include "cli_runner.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ipclab::test {
namespace {

using nlohmann::json;

TEST(CliTrace, TraceOutWritesAChromeTraceOfTheRun) {
    const TempDir dir;
    const std::string file = dir.path() + "/run.trace.json";
    const CliResult result =
        runCli({"run", "pipe-request-response", "--param", "round_trips=2", "--json", "--trace-out", file});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const json report = json::parse(result.out);
    std::ifstream in(file);
    ASSERT_TRUE(in.good()) << file << " was not written";
    const json trace = json::parse(in, nullptr, false);
    ASSERT_FALSE(trace.is_discarded()) << file << " is not JSON";
    ASSERT_TRUE(trace.at("traceEvents").is_array());
    EXPECT_EQ(trace.at("displayTimeUnit"), "ns");
    EXPECT_EQ(trace.at("otherData").at("scenario"), "pipe-request-response");
    std::size_t complete = 0;
    std::size_t processNames = 0;
    for (const json& event : trace.at("traceEvents")) {
        complete += event.at("ph") == "X" ? 1 : 0;
        processNames += event.at("ph") == "M" && event.at("name") == "process_name" ? 1 : 0;
    }
    EXPECT_EQ(processNames, 3u) << "P1, P2 and the kernel's gauges";
    if (report.at("traced") == true) {
        EXPECT_EQ(complete, report.at("syscalls").size()) << "one X event per observed system call";
    }
    // Only the trace itself: the temporary it was written through is gone.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(CliTrace, AMissingFolderIsBadUsageNamingThePathAndNothingRuns) {
    const TempDir dir;
    const std::string file = dir.path() + "/no-such-folder/run.trace.json";
    const CliResult result = runCli({"run", "pipe-request-response", "--trace-out", file});
    EXPECT_EQ(result.exitCode, 2) << result.err << result.out;
    EXPECT_NE(result.err.find(file), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("--trace-out"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("verdict"), std::string::npos) << "the scenario must not have run: " << result.out;
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(CliTrace, AFolderAsTheTargetIsBadUsage) {
    const TempDir dir;
    const CliResult result = runCli({"run", "pipe-request-response", "--trace-out", dir.path()});
    EXPECT_EQ(result.exitCode, 2) << result.err << result.out;
    EXPECT_NE(result.err.find(dir.path()), std::string::npos) << result.err;
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

} // namespace
} // namespace ipclab::test
