#pragma once

#include "events/event.h"
#include "session/session.h"

#include <mutex>
#include <vector>

namespace ipclab {

/// Keeps every event of a run, in `seq` order, so that the run can be replayed or exported
/// after the processes are gone (real processes cannot step backwards; the recording can).
/// Each event is handed on to `forward` (if any) after it is kept. Thread-safe: onEvent() is
/// called from the session's threads, events() from anywhere.
class RunRecorder : public EventSink {
public:
    explicit RunRecorder(EventSink* forward = nullptr) : m_forward(forward) {}

    void onEvent(const Event& event) override;

    /// A copy of everything recorded so far, oldest first.
    std::vector<Event> events() const;
    /// Everything recorded so far; the recorder is empty afterwards.
    std::vector<Event> take();

private:
    EventSink* m_forward;
    mutable std::mutex m_mutex;
    std::vector<Event> m_events;
};

} // namespace ipclab
