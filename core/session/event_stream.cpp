#include "session/event_stream.h"

#include "common/monotonic_clock.h"

#include <algorithm>

namespace ipclab {

void EventStream::setSink(EventSink* sink) {
    std::lock_guard lock(m_mutex);
    m_sink = sink;
}

void EventStream::start(std::int64_t originNs) {
    std::lock_guard lock(m_mutex);
    m_originNs = originNs;
}

void EventStream::emit(EventPayload payload) {
    std::lock_guard lock(m_mutex);
    // Held under the lock, so that the sink sees events in exactly the order of their numbers.
    Event event{++m_seq, monotonicNs() - m_originNs, std::move(payload)};
    if (m_sink != nullptr) {
        m_sink->onEvent(event);
    }
}

void EventStream::recordCall(const SyscallRecord& call) {
    std::lock_guard lock(m_mutex);
    m_calls.push_back(call);
    m_summary.add(call);
}

void EventStream::setTraceStatus(bool traced, const std::string& reason) {
    std::lock_guard lock(m_mutex);
    m_traceReason = traced ? std::string() : reason;
}

RunResult EventStream::takeResult() {
    std::lock_guard lock(m_mutex);
    RunResult result;
    std::stable_sort(m_calls.begin(), m_calls.end(),
                     [](const SyscallRecord& a, const SyscallRecord& b) { return a.entryNs < b.entryNs; });
    result.syscalls = std::move(m_calls);
    result.summary = m_summary;
    result.traceUnavailableReason = m_traceReason;
    m_calls.clear();
    return result;
}

} // namespace ipclab
