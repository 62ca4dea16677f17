#pragma once

#include "scenario/scenario.h"

#include "events/event.h"
#include "events/measurement.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ipclab {

/// One worker as a plan starts it: which role, its channels (name -> our fd), and the names of
/// objects it opens itself in its setup phase (key -> POSIX IPC name or path, e.g. "requests" ->
/// "/ipclab-1234-1-requests"), so that the trace shows the open as the lesson's call.
struct WorkerPlan {
    std::string name;
    std::string role;
    std::vector<std::pair<std::string, int>> channels;
    std::vector<std::pair<std::string, std::string>> names{}; // {} so that {name, role, channels} stays warning-free
    /// Empty: starts with the run. Else the name of a worker that must have finished its work
    /// first (its report is in): "P1 | P2" where P2 reads only what P1 wrote and left behind.
    std::string startsAfter{};
    /// With startsAfter: start when that worker enters this phase rather than when it is done
    /// (P2 attaches to a segment P1 has just created and is still holding).
    std::optional<Phase> startsAtPhase{};
    /// The scenario kills this worker on purpose (it dies holding a lock): its death by a signal
    /// is the experiment, not a failure, so the session neither stops the others nor fails the run.
    bool expectedToDie = false;
};

/// A kernel buffer whose fill level the session samples while the run goes on. `sample` is
/// called on the tracer thread while a child is stopped; it returns nullopt when the kernel
/// would not say (the object is gone), and then nothing is shown rather than a guess.
struct GaugePlan {
    std::string channel; ///< "request pipe"
    std::uint64_t capacity = 0;
    LevelUnit unit = LevelUnit::Bytes;
    std::function<std::optional<std::uint64_t>()> sample;
};

/// A gauge on an fd of ours: FIONREAD tells the bytes waiting to be read.
GaugePlan bytesWaitingGauge(std::string channel, int fd, std::uint64_t capacity);

/// The IPC objects one run of a scenario needs, created by the plan and owned by it: they are
/// removed when the plan goes away, whatever happened to the run.
class RunPlan {
public:
    virtual ~RunPlan() = default;
    const std::vector<WorkerPlan>& workers() const { return m_workers; }
    const std::vector<GaugePlan>& gauges() const { return m_gauges; }
    /// Human-readable names of the objects created ("pipe: request (capacity 65536 bytes)").
    const std::vector<std::string>& objects() const { return m_objects; }
    /// Called once every worker holds its own copies of the channels, with the workers' pids in
    /// the order of workers(): drops the ends the session must not keep (a write end held here
    /// would keep a reader from seeing EOF), and lets gauges find the workers' own fds.
    virtual void afterSpawn(const std::vector<int>& /*pids*/) {}
    /// A run that is meant never to end on its own (a waiter hanging on a lock whose owner died):
    /// after `afterMs` the session stops it, says `why`, and counts that as the experiment's
    /// outcome, not as a failure.
    struct PlannedStop {
        std::int64_t afterMs = 0;
        std::string why;
    };
    virtual std::optional<PlannedStop> plannedStop() const { return std::nullopt; }

    /// Said (as an info notice) just before a worker that waited for another is started: what
    /// the kernel shows at that moment, e.g. a segment outliving its creator.
    virtual std::optional<std::string> noticeBeforeStarting(const WorkerPlan& /*worker*/) { return std::nullopt; }

    /// Untraced figures to show beside the traced run (Measure mode: timing is never traced): the
    /// session times Unix stream and TCP round trips of this size after a run that succeeded, once
    /// its workers are gone. A plan only asks; running sub-sessions is the conductor's job.
    struct TimedComparison {
        std::int64_t size = 0;
        std::int64_t rounds = 0;
    };
    virtual std::optional<TimedComparison> timedComparison() const { return std::nullopt; }

protected:
    std::vector<WorkerPlan> m_workers;
    std::vector<GaugePlan> m_gauges;
    std::vector<std::string> m_objects;
};

/// The plan for `scenario`'s mechanism. Throws Error(BadScenario) when ipclab has no such
/// mechanism or the scenario names a role the mechanism lacks, and Error(KernelLimit/...)
/// when the kernel refuses the objects; nothing is left behind then.
std::unique_ptr<RunPlan> makeRunPlan(const Scenario& scenario, const ParamValues& params);

/// The mechanisms makeRunPlan() knows, for messages and the scenario loader.
std::vector<std::string> knownMechanisms();

/// Throws Error(BadScenario) naming the scenario file, the process and the roles `mechanism`
/// offers, when `role` is not one of them.
void requireRole(const Scenario& scenario, const ProcessSpec& process, std::initializer_list<const char*> roles);

} // namespace ipclab
