#pragma once

#include "events/event.h"
#include "session/session.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace ipclab {

/// The one ordered stream of a run's events. The session thread and the tracer thread both
/// emit into it; it stamps each event with the next sequence number and time, hands it to the
/// sink, and keeps what the final RunResult needs. Thread-safe.
class EventStream {
public:
    void setSink(EventSink* sink);
    void start(std::int64_t originNs);
    void emit(EventPayload payload);
    /// Keeps a finished (or never-returned) call for the result and the summary.
    void recordCall(const SyscallRecord& call);
    void setTraceStatus(bool traced, const std::string& reason);
    /// Observed calls in order of entry, their summary, and the trace status.
    RunResult takeResult();

private:
    std::mutex m_mutex;
    EventSink* m_sink = nullptr;
    std::int64_t m_originNs = 0;
    std::uint64_t m_seq = 0;
    std::vector<SyscallRecord> m_calls;
    Summary m_summary;
    std::string m_traceReason;
};

} // namespace ipclab
