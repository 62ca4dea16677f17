// ipclab-cli run on the message queue scenarios: the JSON contract, and limits refused with exit 2.
#include "../common/sanitizer.h"
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace ipclab::test {
namespace {

using nlohmann::json;

constexpr int kBadInput = 2;

struct Expected {
    const char* scenario;
    std::int64_t transferCrossings; ///< all processes, with the scenario's defaults
};

class CliMqRun : public ::testing::TestWithParam<Expected> {};

TEST_P(CliMqRun, RunsVerifiedWithTheExpectedTransferCrossings) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const CliResult result = runCli({"run", GetParam().scenario, "--json"});
    ASSERT_EQ(result.exitCode, 0) << result.err << result.out;
    const json report = json::parse(result.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << result.out;
    if (report["traced"] == false) {
        GTEST_SKIP() << "tracing unavailable: " << report["trace_unavailable_reason"];
    }
    EXPECT_EQ(report["succeeded"], true);
    EXPECT_EQ(report["summary"]["phases"]["transfer"]["crossings"], GetParam().transferCrossings);
    EXPECT_FALSE(report["ipc_objects"].empty());
}

// Defaults: 3 round trips -> 12; 5 priorities + 'all sent', both sides -> 12; 6 typed messages +
// 'all sent' sent, 'all sent' + 2 of type 2 + one ask that finds none received -> 11.
INSTANTIATE_TEST_SUITE_P(Scenarios, CliMqRun,
                         ::testing::Values(Expected{"posix-mq-request-response", 12},
                                           Expected{"posix-mq-priorities", 12},
                                           Expected{"sysv-mq-request-response", 12}, Expected{"sysv-mq-types", 11}),
                         [](const auto& test) {
                             std::string name = test.param.scenario;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

std::int64_t procSys(const std::string& key) {
    std::ifstream in("/proc/sys/" + key);
    std::int64_t value = -1;
    in >> value;
    return value;
}

/// Exit 2, and stderr names the parameter and the sysctl.
void expectRefused(const std::string& scenario, const std::string& param, std::int64_t value,
                   const std::string& sysctl) {
    const CliResult result = runCli({"run", scenario, "--param", param + "=" + std::to_string(value)});
    EXPECT_EQ(result.exitCode, kBadInput) << result.err << result.out;
    EXPECT_NE(result.err.find("parameter '" + param + "' = " + std::to_string(value)), std::string::npos) << result.err;
    EXPECT_NE(result.err.find(sysctl), std::string::npos) << result.err;
}

TEST(CliMqLimits, APosixMessageOverMsgsizeMaxExitsTwoNamingTheLimit) {
    const std::int64_t limit = procSys("fs/mqueue/msgsize_max");
    if (limit < 0 || limit >= 1048576) {
        GTEST_SKIP() << "fs.mqueue.msgsize_max unreadable or above the scenario's maximum";
    }
    expectRefused("posix-mq-request-response", "size", limit + 1, "fs.mqueue.msgsize_max");
}

TEST(CliMqLimits, ASysvMessageOverMsgmaxExitsTwoNamingTheLimit) {
    const std::int64_t limit = procSys("kernel/msgmax");
    if (limit < 0 || limit >= 1048576) {
        GTEST_SKIP() << "kernel.msgmax unreadable or above the scenario's maximum";
    }
    expectRefused("sysv-mq-request-response", "size", limit + 1, "kernel.msgmax");
}

} // namespace
} // namespace ipclab::test
