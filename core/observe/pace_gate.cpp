#include "observe/pace_gate.h"

namespace ipclab {

void PaceGate::setMode(PaceMode mode) {
    std::lock_guard lock(m_mutex);
    m_mode = mode;
    m_stepTokens = 0;
    ++m_generation;
    m_changed.notify_all();
}

PaceMode PaceGate::mode() const {
    std::lock_guard lock(m_mutex);
    return m_mode;
}

void PaceGate::setDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_delay = delay;
    ++m_generation;
    m_changed.notify_all();
}

std::chrono::milliseconds PaceGate::delay() const {
    std::lock_guard lock(m_mutex);
    return m_delay;
}

void PaceGate::setPaused(bool paused) {
    std::lock_guard lock(m_mutex);
    m_paused = paused;
    ++m_generation;
    m_changed.notify_all();
}

bool PaceGate::paused() const {
    std::lock_guard lock(m_mutex);
    return m_paused;
}

void PaceGate::step() {
    std::lock_guard lock(m_mutex);
    // A press with nothing held releases nothing later: each Step lets one shown call go.
    if (m_stepTokens < m_waitingForStep) {
        ++m_stepTokens;
        m_changed.notify_all();
    }
}

void PaceGate::cancel() {
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    m_changed.notify_all();
}

bool PaceGate::admit(const std::function<void()>& onHold) {
    std::unique_lock lock(m_mutex);
    bool holding = false; // counted in m_waitingForStep, and announced through onHold
    const auto leave = [&](bool proceed) {
        if (holding) {
            --m_waitingForStep;
        }
        return proceed;
    };
    for (;;) {
        if (m_cancelled) {
            return leave(false);
        }
        if (m_paused) {
            m_changed.wait(lock);
            continue;
        }
        switch (m_mode) {
        case PaceMode::Free:
            return leave(true);
        case PaceMode::Step:
            if (!holding) {
                holding = true;
                ++m_waitingForStep;
                if (onHold) {
                    onHold();
                }
            } else if (m_stepTokens > 0) {
                --m_stepTokens;
                return leave(true);
            }
            m_changed.wait(lock);
            break;
        case PaceMode::Watch: {
            // A change of speed, mode or pause restarts the wait under the new rule.
            const auto generation = m_generation;
            const bool changed =
                m_changed.wait_for(lock, m_delay, [&] { return m_cancelled || m_generation != generation; });
            if (!changed) {
                return leave(true);
            }
            break;
        }
        }
    }
}

} // namespace ipclab
