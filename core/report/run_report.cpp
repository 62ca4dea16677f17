#include "report/run_report.h"

#include "report/mapping_report.h"

#include <algorithm>
#include <array>
#include <map>

namespace ipclab {

namespace {

using nlohmann::json;

constexpr Phase kPhases[] = {Phase::Startup, Phase::Setup, Phase::Transfer, Phase::Teardown};

json textOrNull(const std::string& text) {
    return text.empty() ? json(nullptr) : json(text);
}

json scenarioJson(const Scenario& scenario) {
    return {{"id", scenario.id},
            {"title", scenario.title},
            {"section", scenario.section},
            {"mechanism", scenario.mechanism},
            {"pattern", scenario.pattern}};
}

json processJson(const ProcessOutcome& process) {
    // Exactly one of exit_code and signal is set: a killed process has no exit code.
    return {{"pid", process.pid},
            {"name", process.name},
            {"role", process.role},
            {"exit_code", process.signaled ? json(nullptr) : json(process.exitCode)},
            {"signal", process.signaled ? json(process.signal) : json(nullptr)},
            {"ok", process.ok},
            {"report", process.report}};
}

json syscallJson(const SyscallRecord& call, const std::map<int, std::string>& names) {
    const auto name = names.find(call.pid);
    return {{"pid", call.pid},
            {"process", name == names.end() ? json(nullptr) : json(name->second)},
            {"name", call.name},
            {"nr", call.nr},
            {"fd", call.fd < 0 ? json(nullptr) : json(call.fd)},
            {"ipc_id", call.ipcId < 0 ? json(nullptr) : json(call.ipcId)},
            {"requested", call.requested},
            {"bytes", call.copied},
            {"direction", call.direction == CopyDirection::None ? json(nullptr) : json(directionName(call.direction))},
            {"result", call.result},
            {"phase", phaseName(call.phase)},
            {"entry_ns", call.entryNs},
            {"exit_ns", call.exitNs},
            {"finished", call.finished},
            {"call", call.callText()}};
}

/// Untraced figures measured after the run: always an array, empty when the scenario takes none.
json measurementsJson(const std::vector<Measurement>& measurements) {
    json list = json::array();
    for (const Measurement& m : measurements) {
        list.push_back(
            {{"name", m.name}, {"value", m.value}, {"unit", m.unit}, {"placement", m.placement}, {"method", m.method}});
    }
    return list;
}

/// An untraced run observed no call: its figures are unknown, not zero (a run that was traced
/// and made no call shows 0).
json observedTallyJson(const Tally& tally, bool traced) {
    if (traced) {
        return tallyJson(tally);
    }
    return {{"crossings", nullptr},
            {"copies", nullptr},
            {"bytes_user_to_kernel", nullptr},
            {"bytes_kernel_to_user", nullptr}};
}

json phasesJson(const std::array<Tally, kPhaseCount>& tallies, bool traced) {
    json phases = json::object();
    for (Phase phase : kPhases) {
        phases[phaseName(phase)] = observedTallyJson(tallies[static_cast<std::size_t>(phase)], traced);
    }
    return phases;
}

/// Processes in the order the run reported them, then any pid only the tracer saw.
std::vector<int> reportedPids(const RunResult& result) {
    std::vector<int> pids;
    for (const ProcessOutcome& process : result.processes) {
        pids.push_back(process.pid);
    }
    for (int pid : result.summary.pids()) {
        if (std::find(pids.begin(), pids.end(), pid) == pids.end()) {
            pids.push_back(pid);
        }
    }
    return pids;
}

json summaryJson(const RunResult& result, const std::map<int, std::string>& names) {
    const Summary& summary = result.summary;
    json processes = json::array();
    for (int pid : reportedPids(result)) {
        std::array<Tally, kPhaseCount> tallies{};
        for (Phase phase : kPhases) {
            tallies[static_cast<std::size_t>(phase)] = summary.of(pid, phase);
        }
        const auto name = names.find(pid);
        processes.push_back({{"pid", pid},
                             {"name", name == names.end() ? json(nullptr) : json(name->second)},
                             {"phases", phasesJson(tallies, result.traced)},
                             {"total", observedTallyJson(summary.ofProcess(pid), result.traced)}});
    }
    std::array<Tally, kPhaseCount> byPhase{};
    for (Phase phase : kPhases) {
        byPhase[static_cast<std::size_t>(phase)] = summary.ofPhase(phase);
    }
    return {{"processes", std::move(processes)},
            {"phases", phasesJson(byPhase, result.traced)},
            {"total", observedTallyJson(summary.total(), result.traced)}};
}

json syncJson(const std::vector<SyncEvent>& events, const std::map<int, std::string>& names) {
    json out = json::array();
    for (const SyncEvent& event : events) {
        const auto name = names.find(event.pid);
        out.push_back({{"pid", event.pid},
                       {"process", name == names.end() ? json(nullptr) : json(name->second)},
                       {"kind", syncKindName(event.kind)},
                       {"object", event.object},
                       {"time_ns", event.timeNs},
                       {"value", event.value < 0 ? json(nullptr) : json(event.value)}});
    }
    return out;
}

} // namespace

json tallyJson(const Tally& tally) {
    return {{"crossings", tally.crossings},
            {"copies", tally.copies},
            {"bytes_user_to_kernel", tally.bytesUserToKernel},
            {"bytes_kernel_to_user", tally.bytesKernelToUser}};
}

json runReportJson(const Scenario& scenario, const RunResult& result) {
    std::map<int, std::string> names;
    json processes = json::array();
    for (const ProcessOutcome& process : result.processes) {
        names[process.pid] = process.name;
        processes.push_back(processJson(process));
    }
    json syscalls = json::array();
    for (const SyscallRecord& call : result.syscalls) {
        syscalls.push_back(syscallJson(call, names));
    }
    json params = json::object();
    for (const auto& [name, value] : result.params) {
        params[name] = value;
    }
    return {{"scenario", scenarioJson(scenario)},
            {"params", std::move(params)},
            {"traced", result.traced},
            {"trace_unavailable_reason", result.traced ? json(nullptr) : textOrNull(result.traceUnavailableReason)},
            {"succeeded", result.succeeded},
            {"stopped", result.stopped},
            {"failure", result.succeeded ? json(nullptr) : textOrNull(result.failure)},
            {"duration_ns", result.durationNs},
            {"processes", std::move(processes)},
            {"syscalls", std::move(syscalls)},
            {"summary", summaryJson(result, names)},
            {"ipc_objects", result.ipcObjects},
            {"measurements", measurementsJson(result.measurements)},
            {"mappings", mappingsJson(result.mappings, names)},
            {"planned_stop", result.plannedStopReason.empty() ? json(nullptr) : json(result.plannedStopReason)},
            {"sync", syncJson(result.syncEvents, names)}};
}

} // namespace ipclab
