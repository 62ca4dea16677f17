#include "observe/tracer.h"

#include "common/monotonic_clock.h"
#include "observe/pace_gate.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>

namespace ipclab {

namespace {

constexpr int kSyscallStopSignal = SIGTRAP | 0x80;

std::string attachRefusal(int errnum) {
    std::string why = std::string("the kernel refused ptrace (") + std::strerror(errnum) + ")";
    if (errnum == EPERM) {
        why += ": ptrace is restricted here (kernel.yama.ptrace_scope, a container without CAP_SYS_PTRACE, "
               "or a seccomp policy)";
    }
    return why;
}

} // namespace

Tracer::Tracer(TraceObserver& observer, PaceGate* gate, std::int64_t originNs)
    : m_observer(observer), m_gate(gate), m_originNs(originNs) {}

Tracer::~Tracer() {
    if (m_thread.joinable()) {
        if (m_pgid > 0) {
            ::kill(-m_pgid, SIGKILL);
        }
        if (m_gate != nullptr) {
            m_gate->cancel();
        }
        m_thread.join();
    }
}

TraceStart Tracer::start(const std::vector<int>& pids, int pgid, bool trace) {
    m_pgid = pgid;
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
    TraceStart outcome{false, "tracing was switched off for this run (measure mode)"};
    if (trace) {
        outcome = attach(pids);
    }
    const bool traced = outcome.traced;
    started.set_value(std::move(outcome));
    if (traced) {
        traceLoop(pgid);
    } else {
        reapLoop(pgid);
    }
}

TraceStart Tracer::attach(const std::vector<int>& pids) {
    for (std::size_t i = 0; i < pids.size(); ++i) {
        const long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL;
        if (ptrace(PTRACE_SEIZE, pids[i], nullptr, options) != 0) {
            const int err = errno;
            if (i > 0) {
                // Half a picture would mislead: stop the run instead of tracing some children only.
                ::kill(-m_pgid, SIGKILL);
            }
            return TraceStart{false, attachRefusal(err)};
        }
        m_tracees[pids[i]] = Tracee{};
        // The child sits in read() waiting for Go; the interrupt gives us a stop from which
        // PTRACE_SYSCALL starts syscall stops. The interrupted read restarts by itself.
        ptrace(PTRACE_INTERRUPT, pids[i], nullptr, nullptr);
    }
    return TraceStart{true, {}};
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
            onExitStop(tracee, info.exit.rval);
        }
    }
    ptrace(PTRACE_SYSCALL, pid, nullptr, nullptr);
}

void Tracer::onEntry(int pid, Tracee& tracee, long nr, const std::uint64_t* args) {
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
        if (call.name == "write") {
            readControlWrite(pid, tracee);
        }
        return;
    }
    m_observer.syscallEntered(call);
    if (m_gate != nullptr) {
        if (m_gate->mode() == PaceMode::Step) {
            m_observer.heldAtEntry(call);
        }
        m_gate->admit();
    }
}

void Tracer::onExitStop(Tracee& tracee, std::int64_t result) {
    tracee.inSyscall = false;
    if (tracee.observerCall) {
        return;
    }
    m_decoder.decodeExit(tracee.pending, result);
    tracee.pending.exitNs = now();
    m_observer.syscallExited(tracee.pending);
}

void Tracer::readControlWrite(int pid, Tracee& tracee) {
    const SyscallRecord& call = tracee.pending;
    std::array<std::uint8_t, protocol::kMaxRecordSize> bytes{};
    const std::size_t length = std::min<std::size_t>(call.args[2], bytes.size());
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
        }
    }
}

void Tracer::onProcessEnd(int pid, int status) {
    auto it = m_tracees.find(pid);
    if (it != m_tracees.end()) {
        Tracee& tracee = it->second;
        if (tracee.inSyscall && !tracee.observerCall) {
            tracee.pending.exitNs = now();
            m_observer.syscallExited(tracee.pending); // never returned: exit_group, or killed inside
        }
        m_tracees.erase(it);
    }
    m_observer.processExited(pid, status);
}

} // namespace ipclab
