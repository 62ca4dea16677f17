#pragma once

#include "events/event.h"
#include "scenario/scenario.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ipclab {

/// What the trace says about the run as a whole (in "otherData"), beside its events.
struct ChromeTraceContext {
    std::string scenarioId;
    std::string title; ///< left out of the trace when empty
    ParamValues params;
    bool traced = true;
    std::string traceUnavailableReason; ///< why not, when !traced
};

/// The pseudo-process that carries the kernel's buffer gauges and the run's notices: one above
/// the largest pid Linux can hand out (PID_MAX_LIMIT, 4194304), so never a worker's; not 0,
/// which trace viewers treat as the idle task.
inline constexpr int kChromeTraceKernelPid = 4194304 + 1;

/// A recorded run as Chrome Trace Event JSON (the format chrome://tracing and the Perfetto UI
/// open): {"traceEvents": [...], "displayTimeUnit": "ns", "otherData": {...}}. Timestamps are
/// microseconds since the run started (fractional). Each worker is a process whose one thread
/// carries:
///  - one "X" (complete) event per observed system call, from entry to exit, named after the
///    call, with its fd or System V id, bytes, result and phase in "args"; a call the process
///    never returned from (exit_group, killed inside) lasts until the process ended and says so;
///  - "i" (instant) events for phase changes, Step holds, mapping snapshots, the process's exit,
///    and each synchronisation step the worker announced (the events do not say who woke whom,
///    so no flow arrows are drawn between processes).
/// Buffer gauges are "C" (counter) events of a "Kernel" pseudo-process (used and free, stacked
/// up to the capacity); notices are global instants on it. "M" events name every process
/// ("P1 (client)") and thread. Events are sorted by time after the metadata. Built from
/// `events` alone.
nlohmann::json chromeTraceJson(const std::vector<Event>& events, const ChromeTraceContext& context);

} // namespace ipclab
