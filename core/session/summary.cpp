#include "session/summary.h"

namespace ipclab {

Tally& Tally::operator+=(const Tally& other) {
    crossings += other.crossings;
    copies += other.copies;
    bytesUserToKernel += other.bytesUserToKernel;
    bytesKernelToUser += other.bytesKernelToUser;
    return *this;
}

void Summary::add(const SyscallRecord& call) {
    addCrossing(call);
    addCopy(call);
}

void Summary::addCrossing(const SyscallRecord& call) {
    ++m_byPid[call.pid][static_cast<std::size_t>(call.phase)].crossings;
}

void Summary::addCopy(const SyscallRecord& call) {
    Tally& tally = m_byPid[call.pid][static_cast<std::size_t>(call.phase)];
    if (!call.movesData()) {
        return;
    }
    ++tally.copies;
    if (call.direction == CopyDirection::UserToKernel) {
        tally.bytesUserToKernel += call.copied;
    } else {
        tally.bytesKernelToUser += call.copied;
    }
}

Tally Summary::of(int pid, Phase phase) const {
    const auto it = m_byPid.find(pid);
    return it == m_byPid.end() ? Tally{} : it->second[static_cast<std::size_t>(phase)];
}

Tally Summary::ofProcess(int pid) const {
    Tally sum;
    const auto it = m_byPid.find(pid);
    if (it != m_byPid.end()) {
        for (const Tally& tally : it->second) {
            sum += tally;
        }
    }
    return sum;
}

Tally Summary::ofPhase(Phase phase) const {
    Tally sum;
    for (const auto& [pid, phases] : m_byPid) {
        sum += phases[static_cast<std::size_t>(phase)];
    }
    return sum;
}

Tally Summary::total() const {
    Tally sum;
    for (const auto& [pid, phases] : m_byPid) {
        for (const Tally& tally : phases) {
            sum += tally;
        }
    }
    return sum;
}

std::vector<int> Summary::pids() const {
    std::vector<int> pids;
    for (const auto& [pid, phases] : m_byPid) {
        pids.push_back(pid);
    }
    return pids;
}

} // namespace ipclab
