#include "report/chrome_trace.h"

#include <algorithm>
#include <map>

namespace ipclab {

namespace {

using nlohmann::json;

double micros(std::int64_t ns) {
    return static_cast<double>(ns) / 1000.0;
}

json metadata(const char* name, int pid, const json& args) {
    return {{"ph", "M"}, {"name", name}, {"pid", pid}, {"tid", pid}, {"args", args}};
}

json instant(const std::string& name, const char* category, int pid, std::int64_t timeNs, json args) {
    return {{"ph", "i"},  {"s", "t"},   {"name", name},         {"cat", category},
            {"pid", pid}, {"tid", pid}, {"ts", micros(timeNs)}, {"args", std::move(args)}};
}

json callArgs(const SyscallRecord& call) {
    json args = {{"call", call.callText()},
                 {"phase", phaseName(call.phase)},
                 {"bytes_requested", call.requested},
                 {"bytes_copied", call.copied},
                 {"direction", directionName(call.direction)}};
    if (call.fd >= 0) {
        args["fd"] = call.fd;
    }
    if (call.ipcId >= 0) {
        args["ipc_id"] = call.ipcId;
    }
    if (call.finished) {
        args["result"] = call.resultText();
        args["result_value"] = call.result;
    } else {
        args["result"] = "did not return: the process ended inside the call";
    }
    return args;
}

json completeCall(const SyscallRecord& call) {
    const std::int64_t duration = std::max<std::int64_t>(0, call.exitNs - call.entryNs);
    return {{"ph", "X"},
            {"name", call.name},
            {"cat", std::string("syscall,") + phaseName(call.phase)},
            {"pid", call.pid},
            {"tid", call.pid},
            {"ts", micros(call.entryNs)},
            {"dur", micros(duration)},
            {"args", callArgs(call)}};
}

json counter(const BufferSample& sample, std::int64_t timeNs) {
    const std::uint64_t used = std::min(sample.used, sample.capacity);
    const std::string unit = levelUnitName(sample.unit);
    return {{"ph", "C"},
            {"name", unit.empty() ? sample.channel : sample.channel + " (" + unit + ")"},
            {"cat", "buffer"},
            {"pid", kChromeTraceKernelPid},
            {"tid", kChromeTraceKernelPid},
            {"ts", micros(timeNs)},
            {"args", {{"used", used}, {"free", sample.capacity - used}}}};
}

json processExit(const ProcessExited& exited, std::int64_t timeNs) {
    const std::string text = exited.signaled ? "killed by signal " + std::to_string(exited.signal)
                                             : "exited, status " + std::to_string(exited.exitCode);
    json args = {{"signaled", exited.signaled}};
    args[exited.signaled ? "signal" : "exit_code"] = exited.signaled ? exited.signal : exited.exitCode;
    return instant(text, "process", exited.pid, timeNs, std::move(args));
}

json mappingSnapshot(const MappingSnapshot& snapshot, std::int64_t timeNs) {
    const auto present =
        std::count_if(snapshot.pages.begin(), snapshot.pages.end(), [](const PageInfo& page) { return page.present; });
    json args = {{"object", snapshot.object}, {"pages", snapshot.pages.size()}, {"pages_present", present}};
    if (snapshot.pfnsHidden) {
        args["frames_hidden"] = snapshot.hiddenReason;
    }
    return instant("mapping of " + snapshot.object, "memory", snapshot.pid, timeNs, std::move(args));
}

json syncStep(const SyncEvent& step) {
    json args = {{"object", step.object}, {"step", syncKindName(step.kind)}};
    if (step.value >= 0) {
        args["value"] = step.value;
    }
    return instant(step.object + ": " + syncKindName(step.kind), "sync", step.pid, step.timeNs, std::move(args));
}

json notice(const Notice& note, std::int64_t timeNs) {
    static const std::map<Notice::Level, const char*> kLevels = {
        {Notice::Level::Info, "info"}, {Notice::Level::Warning, "warning"}, {Notice::Level::Error, "error"}};
    json event = instant(std::string("notice (") + kLevels.at(note.level) + ")", "notice", kChromeTraceKernelPid,
                         timeNs, {{"text", note.text}});
    event["s"] = "g";
    return event;
}

/// The timed trace event for one recorded event, or null for one that has none (a call's
/// entry: its "X" event is written at its exit, when the duration is known).
json timedEvent(const Event& event) {
    return std::visit(
        [&](const auto& payload) -> json {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, SyscallExited>) {
                return completeCall(payload.call);
            } else if constexpr (std::is_same_v<T, PhaseChanged>) {
                return instant(std::string(phaseName(payload.phase)) + " begins", "phase", payload.pid, event.timeNs,
                               {{"phase", phaseName(payload.phase)}});
            } else if constexpr (std::is_same_v<T, BufferSample>) {
                return counter(payload, event.timeNs);
            } else if constexpr (std::is_same_v<T, HeldAtEntry>) {
                return instant("held at entry: " + payload.call.callText(), "step", payload.call.pid, event.timeNs,
                               {{"call", payload.call.callText()}});
            } else if constexpr (std::is_same_v<T, ProcessStarted>) {
                return instant("started", "process", payload.pid, event.timeNs, {{"role", payload.role}});
            } else if constexpr (std::is_same_v<T, ProcessExited>) {
                return processExit(payload, event.timeNs);
            } else if constexpr (std::is_same_v<T, MappingSnapshot>) {
                return mappingSnapshot(payload, event.timeNs);
            } else if constexpr (std::is_same_v<T, SyncEvent>) {
                return syncStep(payload);
            } else if constexpr (std::is_same_v<T, Notice>) {
                return notice(payload, event.timeNs);
            } else {
                return nullptr;
            }
        },
        event.payload);
}

/// "M" events: every process by its name and role, its one thread, and the kernel's gauges.
json namingEvents(const std::vector<Event>& events) {
    json naming = json::array();
    naming.push_back(metadata("process_name", kChromeTraceKernelPid, {{"name", "Kernel (buffer levels, notices)"}}));
    naming.push_back(metadata("process_sort_index", kChromeTraceKernelPid, {{"sort_index", 0}}));
    int ordinal = 0;
    for (const Event& event : events) {
        if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
            const int pid = started->pid;
            naming.push_back(metadata("process_name", pid, {{"name", started->name + " (" + started->role + ")"}}));
            naming.push_back(metadata("process_sort_index", pid, {{"sort_index", ++ordinal}}));
            naming.push_back(
                metadata("thread_name", pid, {{"name", started->name + " main thread, pid " + std::to_string(pid)}}));
        }
    }
    return naming;
}

} // namespace

nlohmann::json chromeTraceJson(const std::vector<Event>& events, const ChromeTraceContext& context) {
    json timed = json::array();
    for (const Event& event : events) {
        json converted = timedEvent(event);
        if (!converted.is_null()) {
            timed.push_back(std::move(converted));
        }
    }
    // Calls are written at their exit but belong at their entry: order everything by time.
    std::stable_sort(timed.begin(), timed.end(),
                     [](const json& a, const json& b) { return a.at("ts").get<double>() < b.at("ts").get<double>(); });
    json traceEvents = namingEvents(events);
    for (json& event : timed) {
        traceEvents.push_back(std::move(event));
    }
    json other = {{"generator", "ipclab"},
                  {"scenario", context.scenarioId},
                  {"params", context.params},
                  {"traced", context.traced},
                  {"time_origin", "the start of the run"}};
    if (!context.title.empty()) {
        other["title"] = context.title;
    }
    if (!context.traced) {
        other["trace_unavailable_reason"] = context.traceUnavailableReason;
    }
    return {{"traceEvents", std::move(traceEvents)}, {"displayTimeUnit", "ns"}, {"otherData", std::move(other)}};
}

} // namespace ipclab
