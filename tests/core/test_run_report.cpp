#include "report/run_report.h"
#include "report/scenario_list.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

using nlohmann::json;

constexpr int kClientPid = 100;
constexpr int kServerPid = 200;
constexpr int kStrayPid = 300;

Scenario demoScenario() {
    Scenario scenario;
    scenario.id = "demo";
    scenario.title = "Demo";
    scenario.section = 4;
    scenario.mechanism = "pipe";
    scenario.pattern = "request-response";
    scenario.summary = "A demo.";
    scenario.processes = {{"P1", "client"}, {"P2", "server"}};
    scenario.params.push_back({"size", "Message size", "bytes", "Bytes.", 4096, 1, 1048576});
    return scenario;
}

SyscallRecord call(int pid, const char* name, int fd, Phase phase, CopyDirection direction, std::uint64_t bytes) {
    SyscallRecord record;
    record.pid = pid;
    record.name = name;
    record.nr = 1;
    record.fd = fd;
    record.phase = phase;
    record.direction = direction;
    record.requested = bytes;
    record.copied = bytes;
    record.result = static_cast<std::int64_t>(bytes);
    record.finished = true;
    record.entryNs = 1000;
    record.exitNs = 2000;
    return record;
}

/// A finished run as a session would leave it: P1 writes a request and reads the answer, P2
/// reads and answers and is then killed; a stray pid made one call no process owns.
RunResult demoResult() {
    RunResult result;
    result.scenarioId = "demo";
    result.params = {{"size", 4096}};
    result.processes.push_back({kClientPid, "P1", "client", 0, 0, false, true, "1 round trip verified"});
    result.processes.push_back({kServerPid, "P2", "server", -1, 9, true, false, ""});
    result.syscalls = {
        call(kClientPid, "pipe2", -1, Phase::Setup, CopyDirection::None, 0),
        call(kClientPid, "write", 4, Phase::Transfer, CopyDirection::UserToKernel, 4096),
        call(kServerPid, "read", 3, Phase::Transfer, CopyDirection::KernelToUser, 4096),
        call(kServerPid, "write", 6, Phase::Transfer, CopyDirection::UserToKernel, 4096),
        call(kClientPid, "read", 5, Phase::Transfer, CopyDirection::KernelToUser, 4096),
        call(kClientPid, "close", 4, Phase::Teardown, CopyDirection::None, 0),
        call(kStrayPid, "getpid", -1, Phase::Startup, CopyDirection::None, 0),
    };
    for (const SyscallRecord& record : result.syscalls) {
        result.summary.add(record);
    }
    result.traced = true;
    result.succeeded = false;
    result.failure = "P2 was killed by signal 9";
    result.ipcObjects = {"pipe: request", "pipe: response"};
    result.durationNs = 123456;
    return result;
}

json tally(std::uint64_t crossings, std::uint64_t copies, std::uint64_t toKernel, std::uint64_t toUser) {
    return {{"crossings", crossings},
            {"copies", copies},
            {"bytes_user_to_kernel", toKernel},
            {"bytes_kernel_to_user", toUser}};
}

TEST(RunReport, TopLevelFields) {
    const json report = runReportJson(demoScenario(), demoResult());
    EXPECT_EQ(report["scenario"], (json{{"id", "demo"},
                                        {"title", "Demo"},
                                        {"section", 4},
                                        {"mechanism", "pipe"},
                                        {"pattern", "request-response"}}));
    EXPECT_EQ(report["params"], (json{{"size", 4096}}));
    EXPECT_EQ(report["traced"], true);
    EXPECT_TRUE(report["trace_unavailable_reason"].is_null());
    EXPECT_EQ(report["succeeded"], false);
    EXPECT_EQ(report["stopped"], false);
    EXPECT_EQ(report["failure"], "P2 was killed by signal 9");
    EXPECT_EQ(report["duration_ns"], 123456);
    EXPECT_EQ(report["ipc_objects"], (json{"pipe: request", "pipe: response"}));
}

TEST(RunReport, ProcessesCarryExitStatus) {
    const json processes = runReportJson(demoScenario(), demoResult())["processes"];
    ASSERT_EQ(processes.size(), 2U);
    EXPECT_EQ(processes[0], (json{{"pid", kClientPid},
                                  {"name", "P1"},
                                  {"role", "client"},
                                  {"exit_code", 0},
                                  {"signal", nullptr},
                                  {"ok", true},
                                  {"report", "1 round trip verified"}}));
    EXPECT_TRUE(processes[1]["exit_code"].is_null());
    EXPECT_EQ(processes[1]["signal"], 9);
    EXPECT_EQ(processes[1]["ok"], false);
}

TEST(RunReport, SyscallsAreListedInOrderWithNullsForAbsentValues) {
    const json syscalls = runReportJson(demoScenario(), demoResult())["syscalls"];
    ASSERT_EQ(syscalls.size(), 7U);
    const json& write = syscalls[1];
    EXPECT_EQ(write["pid"], kClientPid);
    EXPECT_EQ(write["process"], "P1");
    EXPECT_EQ(write["name"], "write");
    EXPECT_EQ(write["nr"], 1);
    EXPECT_EQ(write["fd"], 4);
    EXPECT_EQ(write["requested"], 4096);
    EXPECT_EQ(write["bytes"], 4096);
    EXPECT_EQ(write["direction"], "user_to_kernel");
    EXPECT_EQ(write["result"], 4096);
    EXPECT_EQ(write["phase"], "transfer");
    EXPECT_EQ(write["entry_ns"], 1000);
    EXPECT_EQ(write["exit_ns"], 2000);
    EXPECT_EQ(write["finished"], true);
    EXPECT_EQ(write["call"], demoResult().syscalls[1].callText());
    EXPECT_EQ(syscalls[2]["direction"], "kernel_to_user");

    const json& pipe = syscalls[0];
    EXPECT_TRUE(pipe["fd"].is_null());
    EXPECT_TRUE(pipe["direction"].is_null());
    EXPECT_EQ(pipe["phase"], "setup");
    EXPECT_TRUE(syscalls[6]["process"].is_null());
}

TEST(RunReport, SummaryCountsPerProcessPhaseAndTotal) {
    const json summary = runReportJson(demoScenario(), demoResult())["summary"];
    // The lesson's request/response: four crossings and four copies in the transfer phase.
    EXPECT_EQ(summary["phases"]["transfer"], tally(4, 4, 8192, 8192));
    EXPECT_EQ(summary["phases"]["setup"], tally(1, 0, 0, 0));
    EXPECT_EQ(summary["phases"]["teardown"], tally(1, 0, 0, 0));
    EXPECT_EQ(summary["phases"]["startup"], tally(1, 0, 0, 0));
    EXPECT_EQ(summary["total"], tally(7, 4, 8192, 8192));

    const json& processes = summary["processes"];
    ASSERT_EQ(processes.size(), 3U);
    EXPECT_EQ(processes[0]["pid"], kClientPid);
    EXPECT_EQ(processes[0]["name"], "P1");
    EXPECT_EQ(processes[0]["phases"]["transfer"], tally(2, 2, 4096, 4096));
    EXPECT_EQ(processes[0]["total"], tally(4, 2, 4096, 4096));
    EXPECT_EQ(processes[1]["name"], "P2");
    EXPECT_EQ(processes[1]["phases"]["setup"], tally(0, 0, 0, 0));
    EXPECT_EQ(processes[2]["pid"], kStrayPid);
    EXPECT_TRUE(processes[2]["name"].is_null());
}

TEST(RunReport, UntracedRunSaysWhy) {
    RunResult result;
    result.traced = false;
    result.traceUnavailableReason = "ptrace is not permitted here";
    result.succeeded = true;
    result.failure = "ignored when the run succeeded";
    const json report = runReportJson(demoScenario(), result);
    EXPECT_EQ(report["trace_unavailable_reason"], "ptrace is not permitted here");
    EXPECT_TRUE(report["failure"].is_null());
    EXPECT_EQ(report["syscalls"], json::array());
    const json unknown{{"crossings", nullptr},
                       {"copies", nullptr},
                       {"bytes_user_to_kernel", nullptr},
                       {"bytes_kernel_to_user", nullptr}};
    EXPECT_EQ(report["summary"]["total"], unknown) << "nothing was observed: unknown, not 0";
    EXPECT_EQ(report["summary"]["phases"]["transfer"], unknown);
}

TEST(RunReport, ATracedRunThatMadeNoCallShowsZero) {
    RunResult result;
    result.traced = true;
    result.succeeded = true;
    EXPECT_EQ(runReportJson(demoScenario(), result)["summary"]["total"], tally(0, 0, 0, 0));
}

TEST(ScenarioListJson, DescribesEachScenario) {
    const json list = scenarioListJson({demoScenario()});
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["id"], "demo");
    EXPECT_EQ(list[0]["section"], 4);
    EXPECT_EQ(list[0]["processes"][1], (json{{"name", "P2"}, {"role", "server"}}));
    EXPECT_EQ(list[0]["params"][0]["max"], 1048576);
    EXPECT_EQ(list[0]["params"][0]["default"], 4096);
}

} // namespace
} // namespace ipclab
