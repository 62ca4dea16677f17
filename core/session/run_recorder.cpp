#include "session/run_recorder.h"

#include <utility>

namespace ipclab {

void RunRecorder::onEvent(const Event& event) {
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    // Outside the lock: the sink is the session's, called one at a time and in order already.
    if (m_forward != nullptr) {
        m_forward->onEvent(event);
    }
}

std::vector<Event> RunRecorder::events() const {
    std::lock_guard lock(m_mutex);
    return m_events;
}

std::vector<Event> RunRecorder::take() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

} // namespace ipclab
