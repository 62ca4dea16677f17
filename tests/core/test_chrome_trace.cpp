// The Chrome trace of a real recorded run: a pipe request/response with two workers, traced.
#include "common/atomic_file.h"
#include "report/chrome_trace.h"
#include "session/run_recorder.h"
#include "session_fixture.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

namespace ipclab {
namespace {

using nlohmann::json;

struct RecordedRun {
    RunResult result;
    std::vector<Event> events;
    json trace; ///< as written and parsed back
};

RecordedRun recordPipeRun() {
    const Scenario scenario = test::pipeScenario();
    RunRecorder recorder;
    RecordedRun run;
    run.result = test::runScenario(scenario, {{"size", "4096"}, {"round_trips", "3"}}, &recorder);
    run.events = recorder.take();
    const json built = chromeTraceJson(run.events, {scenario.id, scenario.title, run.result.params, true, {}});
    run.trace = json::parse(built.dump());
    return run;
}

std::vector<json> eventsOfPhase(const json& trace, const std::string& ph) {
    std::vector<json> out;
    for (const json& event : trace.at("traceEvents")) {
        if (event.at("ph") == ph) {
            out.push_back(event);
        }
    }
    return out;
}

TEST(ChromeTrace, HasOneCompleteEventPerObservedCallWithMatchingProcessNameAndDuration) {
    const RecordedRun run = recordPipeRun();
    if (!run.result.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << run.result.traceUnavailableReason;
    }
    ASSERT_TRUE(run.result.succeeded) << run.result.failure;
    EXPECT_EQ(run.trace.at("displayTimeUnit"), "ns");
    EXPECT_EQ(run.trace.at("otherData").at("scenario"), "pipe-request-response");

    std::vector<SyscallRecord> observed;
    for (const Event& event : run.events) {
        if (const auto* exited = std::get_if<SyscallExited>(&event.payload)) {
            observed.push_back(exited->call);
        }
    }
    ASSERT_FALSE(observed.empty());
    EXPECT_EQ(observed.size(), run.result.syscalls.size());
    const std::vector<json> complete = eventsOfPhase(run.trace, "X");
    ASSERT_EQ(complete.size(), observed.size()) << "one X event per observed system call";

    // Each observed call is there, by pid, name and entry time, with its true duration.
    std::multimap<std::pair<int, std::string>, const json*> byCall;
    for (const json& event : complete) {
        EXPECT_EQ(event.at("pid"), event.at("tid"));
        EXPECT_GE(event.at("dur").get<double>(), 0.0);
        EXPECT_TRUE(event.at("args").contains("result"));
        EXPECT_TRUE(event.at("args").contains("phase"));
        byCall.emplace(std::make_pair(event.at("pid").get<int>(), event.at("name").get<std::string>()), &event);
    }
    for (const SyscallRecord& call : observed) {
        const auto [first, last] = byCall.equal_range({call.pid, call.name});
        const bool found = std::any_of(first, last, [&](const auto& entry) {
            const json& event = *entry.second;
            return event.at("ts").get<double>() == static_cast<double>(call.entryNs) / 1000.0 &&
                   event.at("dur").get<double>() == static_cast<double>(call.exitNs - call.entryNs) / 1000.0 &&
                   event.at("args").at("phase") == phaseName(call.phase);
        });
        EXPECT_TRUE(found) << "no X event for pid " << call.pid << " " << call.callText() << " at " << call.entryNs;
    }
    // The transfer phase's reads and writes carry their fd and byte counts.
    int transferCopies = 0;
    for (const json& event : complete) {
        const json& args = event.at("args");
        if (args.at("phase") == "transfer" && args.at("bytes_copied").get<std::uint64_t>() > 0) {
            EXPECT_TRUE(args.contains("fd")) << event.dump();
            ++transferCopies;
        }
    }
    EXPECT_EQ(transferCopies, 12) << "3 round trips: 2 writes and 2 reads each, for both processes";
}

TEST(ChromeTrace, NamesEveryProcessAndKeepsEachThreadInTimeOrder) {
    const RecordedRun run = recordPipeRun();
    if (!run.result.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << run.result.traceUnavailableReason;
    }
    ASSERT_EQ(run.result.processes.size(), 2u);
    std::map<int, std::string> processNames;
    std::set<int> threadsNamed;
    for (const json& event : eventsOfPhase(run.trace, "M")) {
        if (event.at("name") == "process_name") {
            processNames[event.at("pid").get<int>()] = event.at("args").at("name").get<std::string>();
        } else if (event.at("name") == "thread_name") {
            threadsNamed.insert(event.at("tid").get<int>());
        }
    }
    for (const ProcessOutcome& process : run.result.processes) {
        EXPECT_EQ(processNames[process.pid], process.name + " (" + process.role + ")");
        EXPECT_TRUE(threadsNamed.contains(process.pid)) << process.name;
    }
    EXPECT_EQ(processNames[kChromeTraceKernelPid], "Kernel (buffer levels, notices)");

    std::map<std::pair<int, int>, double> lastTs;
    for (const json& event : run.trace.at("traceEvents")) {
        if (event.at("ph") == "M") {
            continue;
        }
        const double ts = event.at("ts").get<double>();
        EXPECT_GE(ts, 0.0);
        const auto thread = std::make_pair(event.at("pid").get<int>(), event.at("tid").get<int>());
        const auto previous = lastTs.find(thread);
        if (previous != lastTs.end()) {
            EXPECT_GE(ts, previous->second) << "time went backwards on " << event.dump();
        }
        lastTs[thread] = ts;
    }
    // A single-threaded process makes one call at a time: its slices never overlap.
    std::map<int, double> busyUntil;
    for (const json& event : eventsOfPhase(run.trace, "X")) {
        const int pid = event.at("pid").get<int>();
        const double ts = event.at("ts").get<double>();
        EXPECT_GE(ts + 1e-6, busyUntil[pid]) << event.dump(); // rounding of ns to fractional µs
        busyUntil[pid] = ts + event.at("dur").get<double>();
    }
    EXPECT_FALSE(eventsOfPhase(run.trace, "C").empty()) << "the pipe gauges are counters";
    const auto instants = eventsOfPhase(run.trace, "i");
    EXPECT_TRUE(std::any_of(instants.begin(), instants.end(),
                            [](const json& event) { return event.at("name") == "transfer begins"; }));
}

TEST(AtomicFile, AppearsWholeOnCommitAndNotAtAllWithout) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ipclab-atomic-" + std::to_string(::getpid()));
    std::filesystem::create_directory(dir);
    const auto target = dir / "trace.json";
    {
        AtomicFile file(target, "--trace-out");
        EXPECT_FALSE(std::filesystem::exists(target));
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir)) << "an abandoned file must leave nothing behind";
    {
        AtomicFile file(target, "--trace-out");
        file.commit("{}");
    }
    std::ifstream in(target);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "{}");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
    EXPECT_THROW(AtomicFile(dir / "missing" / "trace.json", "--trace-out"), Error);
    EXPECT_THROW(AtomicFile(dir, "--trace-out"), Error);
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace ipclab
