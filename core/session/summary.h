#pragma once

#include "events/event.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace ipclab {

/// What one process (or all of them) did in one phase: every system call is one crossing into
/// the kernel; every call that moved bytes is one copy, in its direction.
struct Tally {
    std::uint64_t crossings = 0;
    std::uint64_t copies = 0;
    std::uint64_t bytesUserToKernel = 0;
    std::uint64_t bytesKernelToUser = 0;

    Tally& operator+=(const Tally& other);
    bool operator==(const Tally&) const = default;
};

/// Crossings and copies per process and phase, built from observed system calls.
/// Not thread-safe; one owner adds, that owner reads.
class Summary {
public:
    /// Counts `call` once, crossing and copy; call it when the call finished, or when its
    /// process ended inside it.
    void add(const SyscallRecord& call);
    /// For live views, the two halves of add(): the crossing when the call enters the kernel
    /// (a writer blocked inside it has crossed), the copy when it returns with its byte count.
    void addCrossing(const SyscallRecord& call);
    void addCopy(const SyscallRecord& call);

    Tally of(int pid, Phase phase) const;
    Tally ofProcess(int pid) const;
    Tally ofPhase(Phase phase) const;
    Tally total() const;
    std::vector<int> pids() const;

private:
    std::map<int, std::array<Tally, kPhaseCount>> m_byPid;
};

} // namespace ipclab
