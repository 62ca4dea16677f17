#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

/// One number from /proc/sys, e.g. "fs/mqueue/msgsize_max"; nullopt when unreadable.
std::optional<std::int64_t> readProcSys(const std::string& key);
/// The same for limits that may exceed int64 (kernel/shmmax and shmall default to near 2^64).
std::optional<std::uint64_t> readProcSysUnsigned(const std::string& key);

/// The IPC limits the kernel enforces on this machine, read from /proc/sys when asked.
/// A limit the kernel would not tell is nullopt: callers say so instead of assuming.
struct KernelLimits {
    std::optional<std::int64_t> mqMsgMax;     ///< fs/mqueue/msg_max: messages per POSIX queue
    std::optional<std::int64_t> mqMsgsizeMax; ///< fs/mqueue/msgsize_max: bytes per POSIX message
    std::optional<std::int64_t> mqQueuesMax;  ///< fs/mqueue/queues_max
    std::optional<std::int64_t> msgMax;       ///< kernel/msgmax: bytes per System V message
    std::optional<std::int64_t> msgMnb;       ///< kernel/msgmnb: bytes per System V queue
    std::optional<std::int64_t> msgMni;       ///< kernel/msgmni: System V queues
    std::optional<std::int64_t> pipeMaxSize;  ///< fs/pipe-max-size

    static KernelLimits read();
};

} // namespace ipclab
