#include "session/session.h"

#include "common/error.h"
#include "common/monotonic_clock.h"
#include "common/unique_fd.h"
#include "launch/child_process.h"
#include "launch/worker_channel.h"
#include "observe/pace_gate.h"
#include "observe/tracer.h"
#include "protocol/record.h"
#include "session/event_stream.h"
#include "session/latency_comparison.h"
#include "session/mapping_sampler.h"
#include "session/plans/run_plan.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <poll.h>
#include <set>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab {

namespace {

constexpr int kFirstChannelFd = protocol::kControlFd + 1;
constexpr int kStartTimeoutMs = 10'000;
constexpr int kGaugeClockMs = 50;

std::string describeExit(const ProcessOutcome& p) {
    if (p.signaled) {
        return p.name + " was killed by signal " + std::to_string(p.signal) + " (" + strsignal(p.signal) + ")";
    }
    return p.name + " exited with code " + std::to_string(p.exitCode) + (p.report.empty() ? "" : ": " + p.report);
}

} // namespace

struct Session::Impl final : TraceObserver {
    Scenario scenario;
    ParamValues params;
    SessionOptions options;
    std::unique_ptr<RunPlan> plan;
    std::int64_t origin = 0;
    EventStream stream;
    UniqueFd wake{::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> childFailed{false};
    std::atomic<int> firstFailedPid{0};           ///< the child whose end made us stop the others
    std::atomic<std::int64_t> expectedDeathNs{0}; ///< when a worker the plan meant to die died
    std::atomic<bool> stoppedAsPlanned{false};    ///< the plan's planned stop ended the run

    void noteFailure(int pid) {
        int none = 0;
        firstFailedPid.compare_exchange_strong(none, pid);
        childFailed = true;
    }
    bool traced = false;
    std::map<int, ProcessOutcome> outcomes; ///< by pid; written by the tracer thread before join
    std::mutex outcomesMutex;
    std::set<int> reported;            ///< pids whose worker sent its report; session thread only
    std::vector<SyncEvent> syncEvents; ///< session thread only
    MappingSampler mappings;
    std::mutex gaugeMutex;
    std::vector<std::optional<std::uint64_t>> lastLevels; ///< guarded by gaugeMutex

    Impl(Scenario s, ParamValues p, SessionOptions o)
        : scenario(std::move(s)), params(std::move(p)), options(std::move(o)) {}

    void signalWake() {
        const std::uint64_t one = 1;
        (void)::write(wake.get(), &one, sizeof one);
    }

    /// Called from the tracer thread (after calls) and the session thread (on a clock, which is
    /// what shows a buffer filling while a writer is blocked inside the kernel). A level is
    /// emitted only when it changed, so the clock adds no noise to the stream.
    void sampleGauges() {
        std::lock_guard lock(gaugeMutex);
        lastLevels.resize(plan->gauges().size());
        for (std::size_t i = 0; i < plan->gauges().size(); ++i) {
            const GaugePlan& gauge = plan->gauges()[i];
            const auto used = gauge.sample();
            if (used && used != lastLevels[i]) {
                lastLevels[i] = used;
                stream.emit(BufferSample{gauge.channel, *used, gauge.capacity, gauge.unit});
            }
        }
    }

    // TraceObserver: the tracer thread, with the child concerned stopped.
    void syscallEntered(const SyscallRecord& call) override {
        stream.emit(SyscallEntered{call});
        if (call.name == "shmdt" || call.name == "munmap") {
            emitChangedMappings(); // the process is stopped just before it lets go: its last view
        }
    }
    void regionMapped(int pid, const protocol::MappedRegion& region) override {
        mappings.watch(pid, region);
        emitChangedMappings();
    }
    void emitChangedMappings() {
        for (auto& snapshot : mappings.sampleChanged()) {
            stream.emit(std::move(snapshot));
        }
    }
    void heldAtEntry(const SyscallRecord& call) override { stream.emit(HeldAtEntry{call}); }
    void syscallExited(const SyscallRecord& call) override {
        if (call.finished && call.result >= 0 && (call.name == "shmat" || (call.name == "mmap" && call.fd >= 0))) {
            mappings.mappingCreated(call.pid);
        }
        stream.recordCall(call);
        stream.emit(SyscallExited{call});
        if (call.movesData()) {
            sampleGauges();
        }
    }
    void phaseChanged(int pid, Phase phase, std::int64_t /*timeNs*/) override { stream.emit(PhaseChanged{pid, phase}); }
    void processExited(int pid, int status) override {
        ProcessExited exited{pid, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                             WIFSIGNALED(status) ? WTERMSIG(status) : 0, WIFSIGNALED(status)};
        {
            std::lock_guard lock(outcomesMutex);
            ProcessOutcome& outcome = outcomes[pid];
            outcome.exitCode = exited.exitCode;
            outcome.signal = exited.signal;
            outcome.signaled = exited.signaled;
        }
        if ((exited.signaled && !expectedToDie(pid)) || (!exited.signaled && exited.exitCode != 0)) {
            if (!stoppedAsPlanned) {
                noteFailure(pid);
            }
            signalWake();
        } else if (exited.signaled) {
            expectedDeathNs = monotonicNs(); // a planned stop counts from here: the hang begins now
        }
        stream.emit(exited);
    }

    /// True for a worker the plan kills on purpose (WorkerPlan::expectedToDie).
    bool expectedToDie(int pid) {
        std::lock_guard lock(outcomesMutex);
        const std::string& name = outcomes[pid].name;
        for (const WorkerPlan& worker : plan->workers()) {
            if (worker.name == name) {
                return worker.expectedToDie;
            }
        }
        return false;
    }

    std::vector<std::string> workerArgs(const WorkerPlan& worker) const {
        std::vector<std::string> args{scenario.mechanism, worker.role};
        for (const auto& [name, value] : params) {
            args.push_back("--param");
            args.push_back(name + "=" + std::to_string(value));
        }
        int target = kFirstChannelFd;
        for (const auto& channel : worker.channels) {
            args.push_back("--fd");
            args.push_back(channel.first + "=" + std::to_string(target++));
        }
        for (const auto& [key, value] : worker.names) {
            args.push_back("--name");
            args.push_back(key + "=" + value);
        }
        return args;
    }

    RunResult run();
    void superviseUntilDone(std::vector<WorkerChannel>& channels, const std::function<void()>& killAll);
    void readChannel(WorkerChannel& channel);
    /// Sends Go to the workers waiting for `pid` to enter `phase` (nullopt: to finish).
    void startSuccessorsOf(int pid, std::optional<Phase> phase);
    std::vector<WorkerChannel>* liveChannels = nullptr; ///< session thread only, during supervision
    RunResult collect(bool stopped);
    RunResult collectStoppedBeforeStart(std::vector<std::unique_ptr<ChildProcess>>& children);
};

void Session::Impl::superviseUntilDone(std::vector<WorkerChannel>& channels, const std::function<void()>& killAll) {
    bool killed = false;
    const auto planned = plan->plannedStop();
    for (;;) {
        std::vector<pollfd> fds{{wake.get(), POLLIN, 0}};
        for (auto& channel : channels) {
            if (channel.open()) {
                readChannel(channel);
            }
            if (channel.open()) {
                fds.push_back({channel.fd(), POLLIN, 0});
            }
        }
        const std::int64_t diedAt = expectedDeathNs;
        if (!killed && planned && diedAt != 0 && monotonicNs() - diedAt > planned->afterMs * 1'000'000) {
            stoppedAsPlanned = true;
            stream.emit(Notice{Notice::Level::Warning, planned->why});
            killAll();
            if (options.gate != nullptr) {
                options.gate->cancel();
            }
            killed = true;
        }
        if (!killed && (stopRequested || childFailed)) {
            // Killed first, then released: a held child must not run on for a moment unpaced.
            killAll();
            if (options.gate != nullptr) {
                options.gate->cancel();
            }
            killed = true;
        }
        if (fds.size() == 1) {
            return;
        }
        if (::poll(fds.data(), fds.size(), kGaugeClockMs) < 0 && errno != EINTR) {
            throwSystemError("poll on the workers' control channels failed", errno);
        }
        std::uint64_t drained = 0;
        (void)::read(wake.get(), &drained, sizeof drained);
        sampleGauges();
        emitChangedMappings();
    }
}

void Session::Impl::startSuccessorsOf(int pid, std::optional<Phase> phase) {
    std::string name;
    {
        std::lock_guard lock(outcomesMutex);
        name = outcomes[pid].name;
    }
    for (std::size_t i = 0; i < liveChannels->size(); ++i) {
        const WorkerPlan& waiting = plan->workers()[i];
        if (waiting.startsAfter == name && waiting.startsAtPhase == phase && !stopRequested) {
            if (auto notice = plan->noticeBeforeStarting(waiting)) {
                stream.emit(Notice{Notice::Level::Info, *notice});
            }
            (*liveChannels)[i].sendGo();
        }
    }
}

void Session::Impl::readChannel(WorkerChannel& channel) {
    channel.readAvailable([&](const protocol::Record& record) {
        if (auto step = protocol::parseSync(record)) {
            const SyncEvent event{channel.pid(), static_cast<SyncEvent::Kind>(step->kind), step->object,
                                  step->timeNs - origin, step->value};
            syncEvents.push_back(event);
            stream.emit(event);
        } else if (auto region = protocol::parseMapped(record)) {
            if (!traced) { // traced runs learn of it from the tracer, at the exact moment
                regionMapped(channel.pid(), *region);
            }
        } else if (auto mark = protocol::parsePhase(record)) {
            if (!traced) {
                stream.emit(PhaseChanged{channel.pid(), mark->phase});
            }
            startSuccessorsOf(channel.pid(), mark->phase);
        } else if (auto report = protocol::parseReport(record)) {
            {
                std::lock_guard lock(outcomesMutex);
                outcomes[channel.pid()].report = report->text;
                outcomes[channel.pid()].ok = report->ok;
            }
            reported.insert(channel.pid());
            startSuccessorsOf(channel.pid(), std::nullopt);
        }
    });
    if (!channel.open() && !reported.contains(channel.pid()) && !expectedToDie(channel.pid())) {
        // Gone without a word: killed, or crashed. The tracer may be holding a peer in Step
        // mode and so cannot reap it yet; this is the first place that knows.
        noteFailure(channel.pid());
    }
}

RunResult Session::Impl::run() {
    origin = monotonicNs();
    stream.start(origin);
    mappings.start(origin);
    std::vector<WorkerChannel> channels;
    std::vector<std::unique_ptr<ChildProcess>> children;
    int pgid = 0;
    for (const WorkerPlan& worker : plan->workers()) {
        SocketPair control = makeControlPair();
        SpawnSpec spec{options.workerPath, workerArgs(worker), {{control.theirs.get(), protocol::kControlFd}}, pgid};
        int target = kFirstChannelFd;
        for (const auto& channel : worker.channels) {
            spec.fds.emplace_back(channel.second, target++);
        }
        children.push_back(std::make_unique<ChildProcess>(spec));
        const int pid = children.back()->pid();
        pgid = pgid == 0 ? pid : pgid;
        channels.emplace_back(pid, std::move(control.ours));
        {
            std::lock_guard lock(outcomesMutex);
            outcomes[pid] = ProcessOutcome{pid, worker.name, worker.role, -1, 0, false, false, {}};
        }
        stream.emit(ProcessStarted{pid, worker.name, worker.role});
    }
    std::vector<int> pids;
    for (const auto& child : children) {
        pids.push_back(child->pid());
    }
    plan->afterSpawn(pids);
    const std::function<void()> killAll = [&children] {
        for (const auto& child : children) {
            child->sendSignal(SIGKILL);
        }
    };
    const int late = awaitReady(channels, kStartTimeoutMs, wake.get());
    if (stopRequested) {
        return collectStoppedBeforeStart(children);
    }
    if (late >= 0) {
        throw Error(ErrorKind::ScenarioFailed, plan->workers()[static_cast<std::size_t>(late)].name + " (" +
                                                   options.workerPath.string() + ") did not start");
    }

    Tracer tracer(*this, options.gate, origin, killAll);
    const TraceStart start = tracer.start(pids, pgid, options.trace);
    traced = start.traced;
    if (start.fatal) {
        throw Error(ErrorKind::ScenarioFailed, start.reason);
    }
    stream.setTraceStatus(start.traced, start.reason);
    if (!traced) {
        stream.emit(Notice{Notice::Level::Warning, "Kernel observation is unavailable for this run: " + start.reason +
                                                       ". The processes still run; no system call is shown as "
                                                       "observed."});
    }
    if (!plan->objects().empty()) {
        std::string text = "This run's IPC objects, created by ipclab and removed at the end: ";
        for (std::size_t i = 0; i < plan->objects().size(); ++i) {
            text += (i > 0 ? "; " : "") + plan->objects()[i];
        }
        stream.emit(Notice{Notice::Level::Info, text});
    }
    sampleGauges();
    if (!stopRequested) {
        for (std::size_t i = 0; i < channels.size(); ++i) {
            if (plan->workers()[i].startsAfter.empty()) {
                channels[i].sendGo();
            }
        }
    }
    liveChannels = &channels;
    superviseUntilDone(channels, killAll);
    liveChannels = nullptr;
    // Every control channel is closed: no child needs pacing any more, and a child still held
    // at its exit must not keep join() waiting for a Step nobody will press.
    if (options.gate != nullptr) {
        options.gate->cancel();
    }
    tracer.join();
    RunResult result = collect(stopRequested);
    if (result.succeeded && !stopRequested) {
        if (const auto comparison = plan->timedComparison()) {
            result.measurements =
                compareLoopbackLatency(comparison->size, comparison->rounds, options.workerPath, stopRequested);
        }
    }
    return result;
}

RunResult Session::Impl::collectStoppedBeforeStart(std::vector<std::unique_ptr<ChildProcess>>& children) {
    children.clear(); // kills and reaps: none of them had begun
    RunResult result = collect(true);
    for (auto& p : result.processes) {
        p.signaled = true;
        p.signal = SIGKILL;
    }
    return result;
}

RunResult Session::Impl::collect(bool stopped) {
    RunResult result = stream.takeResult();
    result.scenarioId = scenario.id;
    result.params = params;
    result.traced = traced;
    result.stopped = stopped;
    result.ipcObjects = plan->objects();
    result.mappings = mappings.best();
    result.syncEvents = syncEvents;
    if (stoppedAsPlanned) {
        result.plannedStopReason = plan->plannedStop()->why;
    }
    result.durationNs = monotonicNs() - origin;
    bool allOk = true;
    for (const auto& [pid, outcome] : outcomes) {
        result.processes.push_back(outcome);
        ProcessOutcome& p = result.processes.back();
        if (expectedToDie(pid)) {
            p.ok = p.signaled; // it was meant to be killed; exiting on its own would mean the experiment went wrong
            p.report = p.signaled ? "its death was the experiment, as the scenario planned"
                                  : "was meant to be killed but exited with code " + std::to_string(p.exitCode);
        }
        if (stoppedAsPlanned && !expectedToDie(pid) && p.signaled && p.report.empty()) {
            p.ok = true; // killed by the planned stop while still waiting: the outcome shown
            p.report = "still waiting in the kernel when ipclab stopped the run, as the scenario planned";
        }
        p.ok = p.ok && (expectedToDie(pid) || (!p.signaled && p.exitCode == 0) || (stoppedAsPlanned && p.signaled));
        if (!p.ok) {
            allOk = false;
            if (result.failure.empty() && !stopped) {
                result.failure = describeExit(p);
            }
        }
    }
    if (stopped) {
        result.failure = "the run was stopped before it finished";
    } else if (const int culprit = firstFailedPid; culprit != 0 && outcomes.contains(culprit)) {
        result.failure = describeExit(outcomes.at(culprit));
        if (outcomes.size() > 1) {
            result.failure += "; ipclab stopped the other processes";
        }
    }
    result.succeeded = allOk && !stopped;
    return result;
}

Session::Session(Scenario scenario, ParamValues params, SessionOptions options)
    : m_impl(std::make_unique<Impl>(std::move(scenario), std::move(params), std::move(options))) {
    if (m_impl->options.workerPath.empty()) {
        m_impl->options.workerPath = defaultWorkerPath();
    }
    if (::access(m_impl->options.workerPath.c_str(), X_OK) != 0) {
        throw Error(ErrorKind::SystemError, "cannot run the worker program " + m_impl->options.workerPath.string() +
                                                ": " + std::strerror(errno));
    }
    m_impl->plan = makeRunPlan(m_impl->scenario, m_impl->params);
}

Session::~Session() = default;

RunResult Session::run(EventSink* sink) {
    m_impl->stream.setSink(sink);
    return m_impl->run();
}

void Session::requestStop() {
    m_impl->stopRequested = true;
    m_impl->signalWake();
}

std::filesystem::path defaultWorkerPath() {
    if (const char* env = std::getenv("IPCLAB_WORKER"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path("ipclab-worker") : self.parent_path() / "ipclab-worker";
}

} // namespace ipclab
