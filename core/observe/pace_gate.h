#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace ipclab {

enum class PaceMode {
    Free,  ///< children run at full speed (still traced)
    Watch, ///< every system call entry waits `delay` so a person can follow
    Step,  ///< every system call entry waits for step()
};

/// Decides when a traced child may enter the kernel. The tracer thread calls admit() at each
/// syscall-entry stop; any other thread may change the mode, pause, step or cancel.
/// Thread-safe.
class PaceGate {
public:
    void setMode(PaceMode mode);
    PaceMode mode() const;
    void setDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds delay() const;
    void setPaused(bool paused);
    bool paused() const;
    /// Step mode: lets exactly one held entry proceed.
    void step();
    /// Releases every waiter now and from then on (used when a run is stopped).
    void cancel();

    /// Tracer thread: blocks until the current entry may proceed. Returns false once cancelled.
    /// `onHold` is called, with the gate's lock held, each time the entry starts waiting for a
    /// step: it announces exactly the holds that happen, whatever the mode changes meanwhile.
    bool admit(const std::function<void()>& onHold = {});

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    PaceMode m_mode = PaceMode::Free;
    std::chrono::milliseconds m_delay{300};
    bool m_paused = false;
    bool m_cancelled = false;
    std::uint64_t m_stepTokens = 0; ///< never more than the entries waiting for one
    std::uint64_t m_waitingForStep = 0;
    std::uint64_t m_generation = 0; ///< bumped on every change, so a Watch wait restarts
};

} // namespace ipclab
