#pragma once

#include "events/event.h"
#include "observe/syscall_decoder.h"
#include "protocol/record.h"

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ipclab {

class PaceGate;

/// What the tracer reports. Called on the tracer thread, while the child concerned is stopped:
/// an implementation may sample kernel state consistent with that moment, but must not block.
class TraceObserver {
public:
    virtual ~TraceObserver() = default;
    virtual void syscallEntered(const SyscallRecord& call) = 0;
    virtual void heldAtEntry(const SyscallRecord& call) = 0;
    /// `call.finished` is false for a call the process never returned from (exit_group, a kill).
    virtual void syscallExited(const SyscallRecord& call) = 0;
    virtual void phaseChanged(int pid, Phase phase, std::int64_t timeNs) = 0;
    /// The worker announced a shared mapping; it is stopped right after that announcement.
    virtual void regionMapped(int /*pid*/, const protocol::MappedRegion& /*region*/) {}
    /// `waitStatus` as waitpid() gave it; the child has been reaped.
    virtual void processExited(int pid, int waitStatus) = 0;
};

struct TraceStart {
    bool traced = false;
    std::string reason; ///< why tracing is unavailable, when !traced
    bool fatal = false; ///< some children were attached and some not: the run was ended
};

/// Watches the workers of one run from a thread of its own, which makes every ptrace call
/// (the kernel ties a tracee to the thread that attached it) and reaps every worker.
/// With tracing refused or switched off it still reaps, so a run works either way.
class Tracer {
public:
    /// `killAll` kills every child of the run; the tracer calls it on its way out and when it
    /// cannot go on, from whichever thread that happens on.
    Tracer(TraceObserver& observer, PaceGate* gate, std::int64_t originNs, std::function<void()> killAll);
    /// Kills the children if they are still alive, then joins the thread.
    ~Tracer();
    Tracer(const Tracer&) = delete;
    Tracer& operator=(const Tracer&) = delete;

    /// `pids` must all be in process group `pgid` and be waiting for their Go record, so no
    /// call of interest is missed. Returns once each is attached, or attaching was refused.
    TraceStart start(const std::vector<int>& pids, int pgid, bool trace);
    /// Returns when every worker has been reaped.
    void join();

private:
    struct Tracee {
        Phase phase = Phase::Startup;
        bool inSyscall = false;
        bool observerCall = false; ///< the pending call is the observer's own traffic
        SyscallRecord pending;
        /// A call a signal interrupted, kept until the kernel restarts it (then it is the same
        /// call, one crossing) or the program moves on after its handler (then it failed, EINTR).
        std::optional<SyscallRecord> interrupted;
        bool interruptedObserver = false;
        bool handlerReturned = false;
        protocol::RecordDecoder controlStream;
    };

    void threadMain(std::vector<int> pids, int pgid, bool trace, std::promise<TraceStart> started);
    TraceStart attach(const std::vector<int>& pids);
    void traceLoop(int pgid);
    void reapLoop(int pgid);
    void onStop(int pid, int status);
    void onSyscallStop(int pid);
    void onEntry(int pid, Tracee& tracee, long nr, const std::uint64_t* args);
    bool continuesRestartedCall(Tracee& tracee, long nr);
    void endInterruptedCall(Tracee& tracee, std::int64_t result, bool finished);
    void onExitStop(int pid, Tracee& tracee, std::int64_t result);
    void readControlWrite(int pid, Tracee& tracee, std::int64_t written);
    void onProcessEnd(int pid, int status);
    std::int64_t now() const;

    TraceObserver& m_observer;
    PaceGate* m_gate;
    std::function<void()> m_killAll;
    std::int64_t m_originNs;
    SyscallDecoder m_decoder;
    std::map<int, Tracee> m_tracees; ///< tracer thread only
    std::thread m_thread;
};

} // namespace ipclab
