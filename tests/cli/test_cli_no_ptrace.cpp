// When the kernel refuses ptrace, a run still works, says why, and shows nothing as observed.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace ipclab::test {
namespace {

TEST(CliNoPtrace, RunStillWorksAndSaysObservationIsUnavailableAndWhy) {
    const CliResult result = runCliUnder(IPCLAB_TEST_NO_PTRACE, {"run", "pipe-request-response", "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    EXPECT_FALSE(report["traced"].get<bool>());
    const std::string reason = report["trace_unavailable_reason"].get<std::string>();
    EXPECT_NE(reason.find("Operation not permitted"), std::string::npos) << reason;
    EXPECT_NE(reason.find("ptrace"), std::string::npos) << reason;
    EXPECT_TRUE(report["succeeded"].get<bool>());
    EXPECT_TRUE(report["syscalls"].empty()) << "nothing may be shown as observed";
    EXPECT_TRUE(report["summary"]["total"]["crossings"].is_null()) << "unknown, not 0";
    EXPECT_TRUE(report["summary"]["phases"]["transfer"]["copies"].is_null());
    for (const auto& process : report["summary"]["processes"]) {
        EXPECT_TRUE(process["total"]["crossings"].is_null()) << process.dump();
    }
    for (const auto& process : report["processes"]) {
        EXPECT_TRUE(process["ok"].get<bool>()) << process.dump();
    }
}

TEST(CliNoPtrace, TextOutputSaysSoInsteadOfShowingZeros) {
    const CliResult result = runCliUnder(IPCLAB_TEST_NO_PTRACE, {"run", "pipe-request-response"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE((result.out + result.err).find("unavailable"), std::string::npos) << result.out << result.err;
}

} // namespace
} // namespace ipclab::test
