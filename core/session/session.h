#pragma once

#include "events/event.h"
#include "events/measurement.h"
#include "scenario/scenario.h"
#include "session/summary.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ipclab {

class PaceGate;

/// Receives a run's events. Called from the session's threads (the caller of run() and the
/// tracer thread), one call at a time and in `seq` order; it must not block for long.
class EventSink {
public:
    virtual ~EventSink() = default;
    virtual void onEvent(const Event& event) = 0;
};

struct SessionOptions {
    std::filesystem::path workerPath; ///< ipclab-worker; empty: beside the running executable
    bool trace = true;                ///< false: no ptrace at all (Measure mode)
    PaceGate* gate = nullptr;         ///< Watch/Step pacing; null: free running
};

struct ProcessOutcome {
    int pid = 0;
    std::string name;
    std::string role;
    int exitCode = -1;
    int signal = 0;
    bool signaled = false;
    bool ok = false;    ///< exited 0 and reported its work verified
    std::string report; ///< what the worker said it did ("3 round trips of 4096 bytes verified")
};

/// Everything a finished run leaves for a report: the CLI's JSON is built from this alone.
struct RunResult {
    std::string scenarioId;
    ParamValues params;
    std::vector<ProcessOutcome> processes;
    std::vector<SyscallRecord> syscalls; ///< observed calls in order of entry
    Summary summary;
    bool traced = false;
    std::string traceUnavailableReason; ///< why not, when !traced
    bool succeeded = false;
    bool stopped = false;                ///< the user (or the caller) stopped it
    std::string failure;                 ///< why not, when !succeeded
    std::vector<std::string> ipcObjects; ///< the IPC objects the run created (all removed)
    /// For shared-memory scenarios: each process's mapping of the object, page by page, at the
    /// moment the most of it was present.
    std::vector<MappingSnapshot> mappings;
    /// The synchronisation steps the workers announced, in the order they arrived.
    std::vector<SyncEvent> syncEvents;
    /// Set when the scenario's planned stop ended the run (a waiter that would hang forever): why.
    std::string plannedStopReason;
    std::int64_t durationNs = 0;
    std::vector<Measurement> measurements; ///< untraced figures taken after the run (see RunPlan::measure)
};

/// Runs one scenario once with real worker processes: creates its IPC objects, spawns and
/// traces the workers, streams events, and removes every object and child on every exit path.
class Session {
public:
    /// Throws Error(BadParameter/KernelLimit/...) when the scenario cannot run with `params`.
    Session(Scenario scenario, ParamValues params, SessionOptions options);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Blocking; call once. `sink` may be null. Throws Error for failures before the children
    /// start (nothing is left behind then); a failure of the experiment itself is in the result.
    RunResult run(EventSink* sink);

    /// Any thread: kills the children; run() then returns with `stopped` set.
    void requestStop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The ipclab-worker next to the running executable, or $IPCLAB_WORKER when set.
std::filesystem::path defaultWorkerPath();

} // namespace ipclab
