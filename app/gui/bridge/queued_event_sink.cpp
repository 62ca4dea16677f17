#include "gui/bridge/queued_event_sink.h"

namespace ipclab {

void QueuedEventSink::onEvent(const Event& event) {
    std::lock_guard lock(m_mutex);
    m_pending.push_back(event);
}

std::vector<Event> QueuedEventSink::takeAll() {
    std::vector<Event> taken;
    std::lock_guard lock(m_mutex);
    taken.swap(m_pending);
    return taken;
}

} // namespace ipclab
