#pragma once

#include "session/session.h"

#include <cstdint>
#include <mutex>
#include <vector>

namespace ipclab {

/// The hand-over point between a session's threads and the GUI thread: onEvent() only appends
/// under a mutex (so the tracer never waits on the GUI), and the GUI takes everything queued so
/// far in one go. Every event carries the run generation it was queued under, so that the
/// taker can drop what an older run left behind. Thread-safe.
class QueuedEventSink : public EventSink {
public:
    explicit QueuedEventSink(std::uint64_t generation) : m_generation(generation) {}

    /// Session threads.
    void onEvent(const Event& event) override;

    /// Any thread: everything queued since the last call, oldest first.
    std::vector<Event> takeAll();
    std::uint64_t generation() const { return m_generation; }

private:
    const std::uint64_t m_generation;
    std::mutex m_mutex;
    std::vector<Event> m_pending;
};

} // namespace ipclab
