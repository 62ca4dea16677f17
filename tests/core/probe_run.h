#pragma once

#include "common/unique_fd.h"
#include "launch/child_process.h"
#include "launch/worker_channel.h"
#include "observe/tracer.h"

#include <csignal>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ipclab::test {

/// Collects what a Tracer reports, for assertions. Thread-safe.
class RecordingObserver : public TraceObserver {
public:
    void syscallEntered(const SyscallRecord& call) override;
    void heldAtEntry(const SyscallRecord& call) override;
    void syscallExited(const SyscallRecord& call) override;
    void phaseChanged(int pid, Phase phase, std::int64_t timeNs) override;
    void processExited(int pid, int waitStatus) override;

    std::vector<SyscallRecord> entered() const;
    std::vector<SyscallRecord> exited() const;
    std::vector<SyscallRecord> held() const;
    std::vector<Phase> phases() const;
    int exitStatus() const;
    bool exitedYet() const;

private:
    mutable std::mutex m_mutex;
    std::vector<SyscallRecord> m_entered;
    std::vector<SyscallRecord> m_exited;
    std::vector<SyscallRecord> m_held;
    std::vector<Phase> m_phases;
    int m_status = -1;
    bool m_exited_ = false;
};

/// The probe process, started waiting for Go, with a pipe on fd 4 (write end), /dev/null on
/// fd 5, and on fd 6 the read end of `input`. `mode` picks its sequence (see probe_main.cpp).
struct ProbeRun {
    PipePair pipe = makePipe();
    PipePair input = makePipe();
    UniqueFd devNull;
    SocketPair control = makeControlPair();
    std::unique_ptr<ChildProcess> child;

    explicit ProbeRun(const std::string& mode = "sequence");
    std::function<void()> killer() {
        return [this] { child->sendSignal(SIGKILL); };
    }
    /// Blocks until the probe said Ready (it then sits in read() waiting for Go).
    void awaitReady();
    void go();
};

} // namespace ipclab::test
