#pragma once

#include "events/event.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// What the memory view and the shared-page grid draw, accumulated from a run's events: the
/// processes in order of start, the latest mapping snapshot of each, and who wrote each page.
/// Where a snapshot says writesTracked, the session cleared the process's soft-dirty bits when
/// it mapped the object, so a present page with soft-dirty set was written by that process.
/// A bit that turns on between two of X's samples means X wrote the page in between: the
/// latest such X is the page's last writer. Without tracking, the writer stays unknown. No Qt;
/// GUI thread only (not synchronised).
class MappingTracker {
public:
    struct Process {
        int pid = 0;
        std::string name; ///< "P1", or "pid 4242" for a process the run did not announce
        int ordinal = 0;  ///< order of first appearance: picks the colour and the column
        bool exited = false;
        std::optional<MappingSnapshot> latest;
        std::uint64_t firstMinorFaults = 0; ///< at the first snapshot: faults before the mapping
    };

    void clear();
    /// Takes one event; true when something the memory view draws changed.
    bool add(const Event& event);

    const std::vector<Process>& processes() const { return m_processes; }
    /// The processes that have a snapshot, in order of first appearance.
    std::vector<const Process*> mapped() const;
    const Process* find(int pid) const;
    std::string nameOf(int pid) const;

    /// Pages in the largest snapshot seen.
    std::size_t pageCount() const;
    /// The pid that last wrote page `index`, when a sample caught it.
    std::optional<int> lastWriter(std::size_t index) const;
    /// The processes whose latest snapshot says they wrote page `index`.
    std::vector<int> writers(std::size_t index) const;
    /// True once a tracked write was seen. A kernel without soft-dirty support accepts the
    /// clearing but never sets a bit: until one is seen, "nobody wrote it" cannot be told apart
    /// from "the kernel cannot say".
    bool writesSeen() const { return m_writesSeen; }
    /// True when any snapshot said the kernel hid frame numbers; the first reason given.
    bool pfnsHidden() const { return m_pfnsHidden; }
    const std::string& hiddenReason() const { return m_hiddenReason; }
    /// The object of the first snapshot ("System V segment key …").
    const std::string& objectName() const { return m_object; }
    bool hasSnapshot() const { return m_snapshotCount > 0; }

private:
    Process& processFor(int pid);
    void takeSnapshot(const MappingSnapshot& snapshot);

    std::vector<Process> m_processes;
    std::vector<std::optional<int>> m_lastWriters; ///< by page index
    bool m_pfnsHidden = false;
    bool m_writesSeen = false;
    std::string m_hiddenReason;
    std::string m_object;
    std::size_t m_snapshotCount = 0;
};

} // namespace ipclab
