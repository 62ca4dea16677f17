#include "observe/tracer.h"

#include "common/monotonic_clock.h"
#include "observe/pace_gate.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>

namespace ipclab {

namespace {

constexpr int kSyscallStopSignal = SIGTRAP | 0x80;
// The kernel's internal "restart me" codes (ERESTARTSYS .. ERESTART_RESTARTBLOCK), which a
// tracer sees at the exit of an interrupted call; they never reach the program.
constexpr std::int64_t kFirstRestartCode = 512;
constexpr std::int64_t kLastRestartCode = 516;
constexpr long kRestartSyscallNr = SYS_restart_syscall;
constexpr long kSigreturnNr = SYS_rt_sigreturn;

std::string attachRefusal(int errnum) {
    std::string why = std::string("the kernel refused ptrace (") + std::strerror(errnum) + ")";
    if (errnum == EPERM) {
        why += ": ptrace is restricted here (kernel.yama.ptrace_scope, a container without CAP_SYS_PTRACE, "
               "or a seccomp policy)";
    }
    return why;
}

} // namespace

Tracer::Tracer(TraceObserver& observer, PaceGate* gate, std::int64_t originNs, std::function<void()> killAll)
    : m_observer(observer), m_gate(gate), m_killAll(std::move(killAll)), m_originNs(originNs) {}

Tracer::~Tracer() {
    if (m_thread.joinable()) {
        m_killAll();
        if (m_gate != nullptr) {
            m_gate->cancel();
        }
        m_thread.join();
    }
}

TraceStart Tracer::start(const std::vector<int>& pids, int pgid, bool trace) {
    std::promise<TraceStart> started;
    auto result = started.get_future();
    m_thread = std::thread(&Tracer::threadMain, this, pids, pgid, trace, std::move(started));
    return result.get();
}

void Tracer::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

std::int64_t Tracer::now() const {
    return monotonicNs() - m_originNs;
}

void Tracer::threadMain(std::vector<int> pids, int pgid, bool trace, std::promise<TraceStart> started) {
    bool told = false;
    try {
        TraceStart outcome{false, "tracing was switched off for this run (measure mode)", false};
        if (trace) {
            outcome = attach(pids);
        }
        const bool traced = outcome.traced;
        started.set_value(std::move(outcome));
        told = true;
        if (traced) {
            traceLoop(pgid);
        } else {
            reapLoop(pgid);
        }
    } catch (...) {
        // An observer that throws (out of memory) must not take the app down with it: end the
        // run, and still reap every child so none is left behind.
        if (!told) {
            started.set_exception(std::current_exception());
        }
        m_killAll();
        if (m_gate != nullptr) {
            m_gate->cancel();
        }
        while (::waitpid(-pgid, nullptr, __WALL) > 0 || errno == EINTR) {
        }
    }
}

TraceStart Tracer::attach(const std::vector<int>& pids) {
    for (std::size_t i = 0; i < pids.size(); ++i) {
        const long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL;
        if (ptrace(PTRACE_SEIZE, pids[i], nullptr, options) != 0) {
            const int err = errno;
            if (i > 0) {
                // Half a picture would mislead: end the run instead of tracing some children only.
                m_killAll();
                return TraceStart{false, "tracing attached to some processes but not all: " + attachRefusal(err), true};
            }
            return TraceStart{false, attachRefusal(err), false};
        }
        m_tracees[pids[i]] = Tracee{};
        // The child sits in read() waiting for Go; the interrupt gives us a stop from which
        // PTRACE_SYSCALL starts syscall stops. The interrupted read restarts by itself.
        ptrace(PTRACE_INTERRUPT, pids[i], nullptr, nullptr);
    }
    return TraceStart{true, {}, false};
}

void Tracer::traceLoop(int pgid) {
    while (!m_tracees.empty()) {
        int status = 0;
        const int pid = ::waitpid(-pgid, &status, __WALL);
        if (pid < 0) {
            if (errno == EINTR) {
                continue;
            }
            break; // ECHILD: nobody left to wait for
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            onProcessEnd(pid, status);
        } else if (WIFSTOPPED(status)) {
            onStop(pid, status);
        }
    }
}

void Tracer::reapLoop(int pgid) {
    for (;;) {
        int status = 0;
        const int pid = ::waitpid(-pgid, &status, 0);
        if (pid < 0) {
            if (errno == EINTR) {
                continue;
            }
            return;
        }
        m_observer.processExited(pid, status);
    }
}

void Tracer::onStop(int pid, int status) {
    const int sig = WSTOPSIG(status);
    const int event = status >> 16;
    if (sig == kSyscallStopSignal) {
        onSyscallStop(pid);
        return;
    }
    int inject = 0;
    if (event == 0) {
        inject = sig; // a real signal for the child: deliver it
    }
    // Event stops (our interrupt, group stops) just resume: job control is not part of a lesson.
    ptrace(PTRACE_SYSCALL, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(inject)));
}

void Tracer::onSyscallStop(int pid) {
    auto it = m_tracees.find(pid);
    __ptrace_syscall_info info{};
    if (it != m_tracees.end() &&
        ptrace(PTRACE_GET_SYSCALL_INFO, pid, reinterpret_cast<void*>(sizeof info), &info) > 0) {
        Tracee& tracee = it->second;
        if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
            onEntry(pid, tracee, static_cast<long>(info.entry.nr), info.entry.args);
        } else if (info.op == PTRACE_SYSCALL_INFO_EXIT && tracee.inSyscall) {
            onExitStop(pid, tracee, info.exit.rval);
        }
    }
    ptrace(PTRACE_SYSCALL, pid, nullptr, nullptr);
}

bool Tracer::continuesRestartedCall(Tracee& tracee, long nr) {
    if (!tracee.interrupted) {
        return false;
    }
    if (nr == tracee.interrupted->nr || nr == kRestartSyscallNr) {
        tracee.pending = *tracee.interrupted;
        tracee.observerCall = tracee.interruptedObserver;
        tracee.interrupted.reset();
        tracee.inSyscall = true;
        return true; // the same call, taken up again by the kernel: one call, one crossing
    }
    if (tracee.handlerReturned) {
        // The handler returned and the program went on to something else: the call failed.
        endInterruptedCall(tracee, -EINTR, true);
    } else if (nr == kSigreturnNr) {
        tracee.handlerReturned = true; // the kernel restarts the call after this, if it will
    }
    return false;
}

void Tracer::endInterruptedCall(Tracee& tracee, std::int64_t result, bool finished) {
    SyscallRecord call = *tracee.interrupted;
    const bool observer = tracee.interruptedObserver;
    tracee.interrupted.reset();
    call.finished = finished;
    call.result = result;
    call.exitNs = now();
    if (!observer) {
        m_observer.syscallExited(call);
    }
}

void Tracer::onEntry(int pid, Tracee& tracee, long nr, const std::uint64_t* args) {
    if (continuesRestartedCall(tracee, nr)) {
        return;
    }
    SyscallRecord& call = tracee.pending;
    call = SyscallRecord{};
    call.pid = pid;
    call.nr = nr;
    std::copy(args, args + 6, call.args.begin());
    call.phase = tracee.phase;
    call.entryNs = now();
    m_decoder.decodeEntry(call);
    tracee.inSyscall = true;
    tracee.observerCall = call.fd == protocol::kControlFd;
    if (tracee.observerCall) {
        return;
    }
    m_observer.syscallEntered(call);
    if (m_gate != nullptr) {
        m_gate->admit([&] { m_observer.heldAtEntry(call); });
    }
}

void Tracer::onExitStop(int pid, Tracee& tracee, std::int64_t result) {
    tracee.inSyscall = false;
    if (result >= -kLastRestartCode && result <= -kFirstRestartCode) {
        tracee.interrupted = tracee.pending;
        tracee.interruptedObserver = tracee.observerCall;
        tracee.handlerReturned = false;
        return;
    }
    if (tracee.observerCall) {
        if (tracee.pending.name == "write" && result > 0) {
            readControlWrite(pid, tracee, result);
        }
        return;
    }
    m_decoder.decodeExit(tracee.pending, result);
    tracee.pending.exitNs = now();
    m_observer.syscallExited(tracee.pending);
}

void Tracer::readControlWrite(int pid, Tracee& tracee, std::int64_t written) {
    // Read at exit, as many bytes as the kernel took: a short or failed write must not feed
    // the decoder bytes that never reached the session.
    const SyscallRecord& call = tracee.pending;
    std::array<std::uint8_t, protocol::kMaxRecordSize> bytes{};
    const std::size_t length = std::min<std::size_t>(static_cast<std::size_t>(written), bytes.size());
    iovec local{bytes.data(), length};
    iovec remote{reinterpret_cast<void*>(call.args[1]), length};
    const ssize_t got = process_vm_readv(pid, &local, 1, &remote, 1, 0);
    if (got <= 0) {
        return;
    }
    tracee.controlStream.feed(bytes.data(), static_cast<std::size_t>(got));
    while (auto record = tracee.controlStream.take()) {
        if (auto mark = protocol::parsePhase(*record)) {
            tracee.phase = mark->phase;
            m_observer.phaseChanged(pid, mark->phase, call.entryNs);
        } else if (auto region = protocol::parseMapped(*record)) {
            m_observer.regionMapped(pid, *region);
        }
    }
}

void Tracer::onProcessEnd(int pid, int status) {
    auto it = m_tracees.find(pid);
    if (it != m_tracees.end()) {
        Tracee& tracee = it->second;
        if (tracee.interrupted) {
            endInterruptedCall(tracee, 0, false);
        }
        if (tracee.inSyscall && !tracee.observerCall) {
            tracee.pending.exitNs = now();
            m_observer.syscallExited(tracee.pending); // never returned: exit_group, or killed inside
        }
        m_tracees.erase(it);
    }
    m_observer.processExited(pid, status);
}

} // namespace ipclab
