#pragma once

#include "events/event.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ipclab {

/// A stretch of time on one lane: holding a lock, or blocked waiting for one (or for a wake-up).
/// An open span has not ended yet; it is drawn up to the newest time observed.
struct SyncSpan {
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    bool open = true;
    std::string object;
};

/// A step drawn as a marker: P / V with the value after the step, a signal, an owner's death, a
/// repair, or the process being killed (kind Exited).
struct SyncMark {
    enum class Kind : std::uint8_t { P, V, Signalled, OwnerDied, Recovered, Killed };
    Kind kind = Kind::P;
    std::int64_t timeNs = 0;
    std::int64_t value = -1; ///< semaphore value after P/V, or the killing signal
    std::string object;
};

/// Which family of synchronising system call a kernel tick stands for.
enum class SyncCallFamily : std::uint8_t { Futex, Semaphore, Queue };
inline constexpr int kSyncCallFamilies = 3;

struct KernelTick {
    std::int64_t timeNs = 0;
    SyncCallFamily family = SyncCallFamily::Futex;
};

struct SyncLane {
    int pid = 0;
    std::string name; ///< "P1"
    std::string role;
    std::vector<SyncSpan> holds;
    std::vector<SyncSpan> blocked;
    std::vector<SyncMark> marks;
    std::vector<KernelTick> ticks;
    std::array<int, kSyncCallFamilies> calls{}; ///< ticks by family
    bool exited = false;
};

/// One process waking another: a signal (or a "ready" / "ok" message) and the wake-up it caused.
struct SyncFlow {
    int fromLane = 0;
    int toLane = 0;
    std::int64_t fromNs = 0;
    std::int64_t toNs = 0;
    std::string object;
};

/// The sync timeline's material, digested from a run's events: a lane per process with its
/// holding and blocked spans, markers and kernel ticks, and the flows between lanes. Only what
/// the events said; a span still open is only ever drawn up to `latestNs()`. Not thread-safe:
/// owned and used by one thread (the GUI thread in the app).
class SyncTimelineData {
public:
    void clear();
    void add(const Event& event);

    const std::vector<SyncLane>& lanes() const { return m_lanes; }
    const std::vector<SyncFlow>& flows() const { return m_flows; }
    int laneOf(int pid) const;
    /// Where a span ends on screen: its end, or the newest observed time while it is open.
    std::int64_t endOf(const SyncSpan& span) const { return span.open ? m_latestNs : span.endNs; }
    /// Total time the lane spent blocked, open spans counted up to the newest observed time.
    std::int64_t blockedNs(int lane) const;
    std::optional<std::int64_t> firstNs() const { return m_firstNs; }
    std::int64_t latestNs() const { return m_latestNs; }
    int syncEventCount() const { return m_syncEvents; }
    /// The family of a system call the timeline marks, if it is one.
    static std::optional<SyncCallFamily> familyOf(const std::string& syscallName);

private:
    /// What one process is in the middle of with one object.
    struct OpenSteps {
        std::optional<std::size_t> blocked; ///< index into the lane's blocked spans
        std::optional<std::size_t> hold;    ///< index into the lane's holds
    };
    struct PendingSignal {
        int lane = 0;
        std::int64_t timeNs = 0;
    };

    int laneFor(int pid);
    void addSync(const SyncEvent& event);
    void openSpan(std::vector<SyncSpan>& spans, std::optional<std::size_t>& index, const SyncEvent& event);
    void closeSpan(std::vector<SyncSpan>& spans, std::optional<std::size_t>& index, std::int64_t endNs);
    void mark(int lane, SyncMark::Kind kind, const SyncEvent& event);
    void pairWake(int lane, const SyncEvent& event, std::optional<std::int64_t> waitedSinceNs);
    void processExited(const ProcessExited& exited, std::int64_t timeNs);
    void see(std::int64_t ns);

    std::vector<SyncLane> m_lanes;
    std::vector<SyncFlow> m_flows;
    std::map<std::pair<int, std::string>, OpenSteps> m_open;    ///< by (lane, object)
    std::map<std::string, std::deque<PendingSignal>> m_signals; ///< by object, oldest first
    std::optional<std::int64_t> m_firstNs;
    std::int64_t m_latestNs = 0;
    int m_syncEvents = 0;
};

} // namespace ipclab
