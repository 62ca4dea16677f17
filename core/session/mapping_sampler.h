#pragma once

#include "events/event.h"
#include "protocol/record.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace ipclab {

/// Watches the shared mappings workers announce, and turns /proc/PID/{maps,pagemap,smaps,stat}
/// and the bytes there into MappingSnapshots. Called from the session thread on its clock and
/// from the tracer thread at call exits; thread-safe.
class MappingSampler {
public:
    /// The run's origin on the monotonic clock: pages' first-present times count from it.
    void start(std::int64_t originNs);
    void watch(int pid, const protocol::MappedRegion& region);
    /// Called at the exit of a call that may have just created a shared mapping (shmat, or
    /// mmap of an fd): clears the process's soft-dirty bits while it is stopped, so that from
    /// now on a soft-dirty page is one this process wrote. Tracer thread.
    void mappingCreated(int pid);
    /// Snapshots that changed since the last call (a page became present, a byte changed...).
    std::vector<MappingSnapshot> sampleChanged();
    /// The snapshot kept per watched mapping for the report: one taken while the most of the
    /// processes that watch the same object had it mapped (so that smaps' Shared and Pss show
    /// the sharing), then the one with the most pages present, latest first.
    std::vector<MappingSnapshot> best() const;

private:
    struct Watch {
        int pid = 0;
        protocol::MappedRegion region;
        bool writesTracked = false;
        std::optional<MappingSnapshot> last;
        std::optional<MappingSnapshot> best;
        std::size_t bestMappedBy = 0; ///< how many watches of the object were mapped when `best` was taken
        std::vector<std::optional<std::int64_t>> firstPresentNs; ///< per page
    };

    void noteFirstPresent(Watch& watch, MappingSnapshot& snapshot, std::int64_t nowNs) const;

    static std::optional<MappingSnapshot> take(const Watch& watch);

    mutable std::mutex m_mutex;
    std::vector<Watch> m_watches;
    std::vector<int> m_trackedPids; ///< soft-dirty cleared at mapping time
    std::int64_t m_originNs = 0;
};

/// Whether this kernel really sets pagemap's soft-dirty bit after clear_refs (some accept the
/// clear and never set the bit: CONFIG_MEM_SOFT_DIRTY off). Probed once, in a child process.
bool softDirtyWorks();

/// Page faults a process has taken that did not need I/O (/proc/PID/stat field 10).
std::optional<std::uint64_t> minorFaults(int pid);

} // namespace ipclab
