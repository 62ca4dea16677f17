#pragma once

#include "common/unique_fd.h"
#include "observe/worker_fd_probe.h"
#include "session/run_plan.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace ipclab {

// What the session prepares for the socket and FIFO plans before any worker starts. Every
// function throws Error naming the object when the kernel refuses, and leaves nothing behind.

/// A Unix stream socket bound to `path` (created exclusively: bind fails if anything is there),
/// mode 0600, listening with room for one waiting client. Close-on-exec; handed over as a channel.
UniqueFd listeningUnixSocket(const std::filesystem::path& path);

/// A Unix datagram socket bound to `path`, mode 0600.
UniqueFd boundUnixDatagramSocket(const std::filesystem::path& path);

/// A TCP socket listening on 127.0.0.1 on a port the kernel picks, returned in `port`.
UniqueFd listeningLoopbackSocket(std::uint16_t& port);

/// getsockopt(SO_SNDBUF): the bytes the kernel lets this socket have in flight, its own
/// bookkeeping included.
std::uint64_t sendBufferSize(int fd);

/// A number from /proc/sys, or Error(SystemError) naming the file when it cannot be read.
std::uint64_t requireProcSys(const std::string& key);

/// The last of the numbers in /proc/sys/net/ipv4/tcp_rmem: how large autotuning may grow a TCP
/// socket's receive buffer.
std::uint64_t tcpReceiveBufferMax();

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
