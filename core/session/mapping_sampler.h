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
    void watch(int pid, const protocol::MappedRegion& region);
    /// Called at the exit of a call that may have just created a shared mapping (shmat, or
    /// mmap of an fd): clears the process's soft-dirty bits while it is stopped, so that from
    /// now on a soft-dirty page is one this process wrote. Tracer thread.
    void mappingCreated(int pid);
    /// Snapshots that changed since the last call (a page became present, a byte changed...).
    std::vector<MappingSnapshot> sampleChanged();
    /// The most complete snapshot seen per watched mapping (most pages present, latest first).
    std::vector<MappingSnapshot> best() const;

private:
    struct Watch {
        int pid = 0;
        protocol::MappedRegion region;
        bool writesTracked = false;
        std::optional<MappingSnapshot> last;
        std::optional<MappingSnapshot> best;
    };

    static std::optional<MappingSnapshot> take(const Watch& watch);

    mutable std::mutex m_mutex;
    std::vector<Watch> m_watches;
    std::vector<int> m_trackedPids; ///< soft-dirty cleared at mapping time
};

/// Whether this kernel really sets pagemap's soft-dirty bit after clear_refs (some accept the
/// clear and never set the bit: CONFIG_MEM_SOFT_DIRTY off). Probed once, in a child process.
bool softDirtyWorks();

/// Page faults a process has taken that did not need I/O (/proc/PID/stat field 10).
std::optional<std::uint64_t> minorFaults(int pid);

} // namespace ipclab
