#pragma once

#include "launch/sockets.h"
#include "observe/worker_fd_probe.h"
#include "session/plans/run_plan.h"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>

namespace ipclab {

// What the socket plans check and arrange around the sockets made in launch/sockets.h.

/// Probes for the workers' fds, filled in by afterSpawn(); gauges sample through them.
using ProbeSlot = std::shared_ptr<WorkerFdProbe>;
ProbeSlot emptyProbe();

/// A gauge whose level is ioctl(`request`) on the first fd of the worker in `slot` that `filter`
/// accepts (SIOCINQ: bytes waiting to be read; SIOCOUTQ: bytes sent and not yet read).
GaugePlan workerFdGauge(std::string channel, std::uint64_t capacity, ProbeSlot slot, unsigned long request,
                        WorkerFdProbe::FdFilter filter = isSocketLink);

/// Two roles that work together: the one that speaks first, and the one that answers or reads.
struct RolePair {
    const char* first;
    const char* second;
};

/// Where the two processes of a paired scenario are, and which pair of roles they play.
struct PairedProcesses {
    std::size_t first = 0;  ///< index in scenario.processes
    std::size_t second = 0; ///< index in scenario.processes
    RolePair roles{};
};

/// Throws Error(BadScenario) naming the scenario file unless it has exactly two processes that
/// play the two roles of one of `pairs`.
PairedProcesses requirePair(const Scenario& scenario, std::initializer_list<RolePair> pairs);

/// The CPU a timed role pins itself to, from param `key` ("client_cpu"); "-1" (unpinned) when absent.
std::string cpuFor(const ParamValues& params, const std::string& key);

/// Throws Error(KernelLimit) when `messages` messages of `size` bytes, all sent before anyone
/// reads, would not fit half of a socket's send buffer (`sendBuffer`); the other half is left for
/// the kernel's own bookkeeping, which it counts against the same limit. The writer would
/// otherwise wait forever for a reader that starts only after it.
void requireBurstFits(const Scenario& scenario, const ParamValues& params, std::uint64_t sendBuffer);

} // namespace ipclab
