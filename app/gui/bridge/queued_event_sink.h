#pragma once

#include "session/session.h"

#include <mutex>
#include <vector>

namespace ipclab {

/// The hand-over point between a session's threads and the GUI thread: onEvent() only appends
/// under a mutex (so the tracer never waits on the GUI), and the GUI takes everything queued so
/// far in one go. One sink per run, so nothing of an older run is ever taken. Thread-safe.
class QueuedEventSink : public EventSink {
public:
    /// Session threads.
    void onEvent(const Event& event) override;

    /// Any thread: everything queued since the last call, oldest first.
    std::vector<Event> takeAll();

private:
    std::mutex m_mutex;
    std::vector<Event> m_pending;
};

} // namespace ipclab
