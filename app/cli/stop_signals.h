#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace ipclab::cli {

/// While alive, SIGINT and SIGTERM no longer kill ipclab-cli; instead `onStop` runs on a watcher
/// thread, so a run can kill its children and remove its IPC objects before we exit. The signal
/// handler only writes one byte to a pipe (async-signal-safe); everything else happens on the
/// watcher thread. The handlers are restored on destruction. One instance at a time.
class StopSignals {
public:
    explicit StopSignals(std::function<void()> onStop);
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The signal that asked to stop, or 0 when none came.
    int receivedSignal() const { return m_signal.load(); }

private:
    void watch();

    std::function<void()> m_onStop;
    int m_readFd = -1;
    int m_writeFd = -1;
    std::atomic<int> m_signal{0};
    std::thread m_thread;
};

} // namespace ipclab::cli
