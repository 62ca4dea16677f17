#include "gui/sync/sync_timeline_data.h"

#include "gui/common/process_names.h"

#include <algorithm>

namespace ipclab {

namespace {
// A signal nobody waits for stays pending; past this many per object the oldest are forgotten.
constexpr std::size_t kMaxPendingSignals = 64;

bool isMessage(const std::string& object) {
    return object.rfind("queue", 0) == 0;
}
} // namespace

void SyncTimelineData::clear() {
    *this = SyncTimelineData();
}

std::optional<SyncCallFamily> SyncTimelineData::familyOf(const std::string& syscallName) {
    if (syscallName.rfind("futex", 0) == 0) {
        return SyncCallFamily::Futex;
    }
    if (syscallName == "semop" || syscallName == "semtimedop") {
        return SyncCallFamily::Semaphore;
    }
    if (syscallName.rfind("mq_timed", 0) == 0 || syscallName == "msgsnd" || syscallName == "msgrcv") {
        return SyncCallFamily::Queue;
    }
    return std::nullopt;
}

void SyncTimelineData::add(const Event& event) {
    m_latestNs = std::max(m_latestNs, event.timeNs);
    if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
        SyncLane& lane = m_lanes[static_cast<std::size_t>(laneFor(started->pid))];
        lane.name = started->name;
        lane.role = started->role;
    } else if (const auto* sync = std::get_if<SyncEvent>(&event.payload)) {
        addSync(*sync);
    } else if (const auto* entered = std::get_if<SyscallEntered>(&event.payload)) {
        const auto family = familyOf(entered->call.name);
        // Start-up calls are the observer's handshake with the worker, not the lesson's locking.
        if (family && entered->call.phase != Phase::Startup) {
            SyncLane& lane = m_lanes[static_cast<std::size_t>(laneFor(entered->call.pid))];
            lane.ticks.push_back({entered->call.entryNs, *family});
            ++lane.calls[static_cast<std::size_t>(*family)];
            see(entered->call.entryNs);
        }
    } else if (const auto* exited = std::get_if<ProcessExited>(&event.payload)) {
        processExited(*exited, event.timeNs);
    }
}

int SyncTimelineData::laneOf(int pid) const {
    const auto found =
        std::find_if(m_lanes.begin(), m_lanes.end(), [pid](const SyncLane& lane) { return lane.pid == pid; });
    return found == m_lanes.end() ? -1 : static_cast<int>(found - m_lanes.begin());
}

int SyncTimelineData::laneFor(int pid) {
    const int existing = laneOf(pid);
    if (existing >= 0) {
        return existing;
    }
    SyncLane lane;
    lane.pid = pid;
    lane.name = ProcessNames::unannounced(pid).toStdString();
    m_lanes.push_back(std::move(lane));
    return static_cast<int>(m_lanes.size()) - 1;
}

std::int64_t SyncTimelineData::blockedNs(int lane) const {
    std::int64_t total = 0;
    for (const SyncSpan& span : m_lanes.at(static_cast<std::size_t>(lane)).blocked) {
        total += endOf(span) - span.startNs;
    }
    return total;
}

void SyncTimelineData::see(std::int64_t ns) {
    m_firstNs = m_firstNs ? std::min(*m_firstNs, ns) : ns;
    m_latestNs = std::max(m_latestNs, ns);
}

void SyncTimelineData::addSync(const SyncEvent& event) {
    ++m_syncEvents;
    see(event.timeNs);
    const int lane = laneFor(event.pid);
    SyncLane& steps = m_lanes[static_cast<std::size_t>(lane)];
    OpenSteps& open = m_open[{lane, event.object}];
    switch (event.kind) {
    case SyncEvent::Kind::Attempt:
    case SyncEvent::Kind::Waiting:
        openSpan(steps.blocked, open.blocked, event);
        break;
    case SyncEvent::Kind::Acquired:
    case SyncEvent::Kind::Woken:
    case SyncEvent::Kind::OwnerDied: {
        const std::optional<std::int64_t> since =
            open.blocked ? std::optional(steps.blocked[*open.blocked].startNs) : std::nullopt;
        closeSpan(steps.blocked, open.blocked, event.timeNs);
        if (event.kind != SyncEvent::Kind::Woken) {
            // EOWNERDEAD hands the lock over too: the new owner holds it while repairing.
            openSpan(steps.holds, open.hold, event);
        }
        if (event.kind == SyncEvent::Kind::OwnerDied) {
            mark(lane, SyncMark::Kind::OwnerDied, event);
        } else if (event.kind == SyncEvent::Kind::Acquired && event.value >= 0) {
            mark(lane, SyncMark::Kind::P, event);
        }
        pairWake(lane, event, since);
        break;
    }
    case SyncEvent::Kind::Released:
        closeSpan(steps.holds, open.hold, event.timeNs);
        if (event.value >= 0) {
            mark(lane, SyncMark::Kind::V, event);
        }
        break;
    case SyncEvent::Kind::Signalled: {
        mark(lane, SyncMark::Kind::Signalled, event);
        auto& pending = m_signals[event.object];
        pending.push_back({lane, event.timeNs});
        if (pending.size() > kMaxPendingSignals) {
            pending.pop_front();
        }
        break;
    }
    case SyncEvent::Kind::Recovered:
        mark(lane, SyncMark::Kind::Recovered, event);
        break;
    }
}

void SyncTimelineData::openSpan(std::vector<SyncSpan>& spans, std::optional<std::size_t>& index,
                                const SyncEvent& event) {
    if (index) {
        return; // already in that state: the first step is when it began
    }
    index = spans.size();
    spans.push_back({event.timeNs, event.timeNs, true, event.object});
}

void SyncTimelineData::closeSpan(std::vector<SyncSpan>& spans, std::optional<std::size_t>& index, std::int64_t endNs) {
    if (!index) {
        return;
    }
    SyncSpan& span = spans[*index];
    span.endNs = std::max(endNs, span.startNs);
    span.open = false;
    index.reset();
}

void SyncTimelineData::mark(int lane, SyncMark::Kind kind, const SyncEvent& event) {
    m_lanes[static_cast<std::size_t>(lane)].marks.push_back({kind, event.timeNs, event.value, event.object});
}

void SyncTimelineData::pairWake(int lane, const SyncEvent& event, std::optional<std::int64_t> waitedSinceNs) {
    const auto found = m_signals.find(event.object);
    if (found == m_signals.end()) {
        return;
    }
    auto& pending = found->second;
    // A condition signalled before anyone waited woke nobody; a message sent early still waits
    // in its queue and is received in order.
    if (waitedSinceNs && !isMessage(event.object)) {
        std::erase_if(pending, [&](const PendingSignal& signal) {
            return signal.lane != lane && signal.timeNs < *waitedSinceNs;
        });
    }
    const auto sender = std::find_if(pending.begin(), pending.end(),
                                     [lane](const PendingSignal& signal) { return signal.lane != lane; });
    if (sender == pending.end()) {
        return;
    }
    m_flows.push_back({sender->lane, lane, sender->timeNs, event.timeNs, event.object});
    pending.erase(sender);
}

void SyncTimelineData::processExited(const ProcessExited& exited, std::int64_t timeNs) {
    const int lane = laneOf(exited.pid);
    if (lane < 0) {
        return;
    }
    SyncLane& steps = m_lanes[static_cast<std::size_t>(lane)];
    steps.exited = true;
    for (auto& [key, open] : m_open) {
        if (key.first == lane) {
            closeSpan(steps.blocked, open.blocked, timeNs);
            closeSpan(steps.holds, open.hold, timeNs);
        }
    }
    if (exited.signaled && m_firstNs) {
        steps.marks.push_back({SyncMark::Kind::Killed, timeNs, exited.signal, {}});
        see(timeNs);
    }
}

} // namespace ipclab
