#include "gui/memory/mapping_tracker.h"

#include "gui/common/process_names.h"

#include <algorithm>

namespace ipclab {

void MappingTracker::clear() {
    *this = MappingTracker();
}

bool MappingTracker::add(const Event& event) {
    if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
        processFor(started->pid).name = started->name;
        return true;
    }
    if (const auto* ended = std::get_if<ProcessExited>(&event.payload)) {
        const bool known = find(ended->pid) != nullptr;
        if (known) {
            processFor(ended->pid).exited = true;
        }
        return known;
    }
    if (const auto* snapshot = std::get_if<MappingSnapshot>(&event.payload)) {
        takeSnapshot(*snapshot);
        return true;
    }
    return false;
}

MappingTracker::Process& MappingTracker::processFor(int pid) {
    const auto found =
        std::find_if(m_processes.begin(), m_processes.end(), [pid](const Process& p) { return p.pid == pid; });
    if (found != m_processes.end()) {
        return *found;
    }
    Process process;
    process.pid = pid;
    process.name = ProcessNames::unannounced(pid).toStdString();
    process.ordinal = static_cast<int>(m_processes.size());
    m_processes.push_back(std::move(process));
    return m_processes.back();
}

namespace {
/// Written by this process, as far as the kernel's soft-dirty bit can tell.
bool wrote(const MappingSnapshot& snapshot, std::size_t index) {
    // A page that is not present was not written through this mapping, whatever its bit says.
    return snapshot.writesTracked && index < snapshot.pages.size() && snapshot.pages[index].present &&
           snapshot.pages[index].softDirty;
}
} // namespace

void MappingTracker::takeSnapshot(const MappingSnapshot& snapshot) {
    Process& process = processFor(snapshot.pid);
    const std::optional<MappingSnapshot> previous = std::move(process.latest);
    if (!previous) {
        process.firstMinorFaults = snapshot.minorFaults;
    }
    process.latest = snapshot;
    ++m_snapshotCount;
    if (m_object.empty()) {
        m_object = snapshot.object;
    }
    if (snapshot.pfnsHidden && !m_pfnsHidden) {
        m_pfnsHidden = true;
        m_hiddenReason = snapshot.hiddenReason;
    }
    if (m_lastWriters.size() < snapshot.pages.size()) {
        m_lastWriters.resize(snapshot.pages.size());
    }
    for (std::size_t i = 0; i < snapshot.pages.size(); ++i) {
        if (wrote(snapshot, i) && !(previous && wrote(*previous, i))) {
            m_lastWriters[i] = snapshot.pid;
        }
        m_writesSeen = m_writesSeen || wrote(snapshot, i);
    }
}

std::vector<const MappingTracker::Process*> MappingTracker::mapped() const {
    std::vector<const Process*> result;
    for (const Process& process : m_processes) {
        if (process.latest) {
            result.push_back(&process);
        }
    }
    return result;
}

const MappingTracker::Process* MappingTracker::find(int pid) const {
    const auto found =
        std::find_if(m_processes.begin(), m_processes.end(), [pid](const Process& p) { return p.pid == pid; });
    return found != m_processes.end() ? &*found : nullptr;
}

std::string MappingTracker::nameOf(int pid) const {
    const Process* process = find(pid);
    return process != nullptr ? process->name : ProcessNames::unannounced(pid).toStdString();
}

std::size_t MappingTracker::pageCount() const {
    std::size_t count = 0;
    for (const Process& process : m_processes) {
        if (process.latest) {
            count = std::max(count, process.latest->pages.size());
        }
    }
    return count;
}

std::vector<int> MappingTracker::writers(std::size_t index) const {
    std::vector<int> result;
    for (const Process& process : m_processes) {
        if (process.latest && wrote(*process.latest, index)) {
            result.push_back(process.pid);
        }
    }
    return result;
}

std::optional<int> MappingTracker::lastWriter(std::size_t index) const {
    return index < m_lastWriters.size() ? m_lastWriters[index] : std::nullopt;
}

} // namespace ipclab
