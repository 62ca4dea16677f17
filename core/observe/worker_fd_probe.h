#pragma once

#include "common/unique_fd.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ipclab {

/// Asks the kernel about an object a worker holds open (its connected socket, its FIFO end) when
/// the session has no fd of its own for it. Each question borrows the worker's fd for a moment
/// with pidfd_getfd(), which shares the worker's open file (no new reader or writer appears, so
/// FIFO and socket semantics stay as they are), asks with one ioctl, and closes the copy at
/// once: a copy kept would keep the object alive after the worker closed it.
///
/// Not thread-safe; the session samples gauges one at a time.
class WorkerFdProbe {
public:
    /// Which of the worker's fds to ask: given the fd number and its /proc/PID/fd link text
    /// ("socket:[1234]", "/tmp/ipclab-1-2/requests").
    using FdFilter = std::function<bool(int fd, const std::string& link)>;

    WorkerFdProbe() = default;
    /// Opens a pidfd for `pid`. When the kernel refuses (no pidfd support, no permission), the
    /// probe stays empty and every level() is nullopt.
    explicit WorkerFdProbe(int pid);

    /// The int that ioctl(`request`) reports for the first fd of the worker that `filter`
    /// accepts and on which the ioctl succeeds; nullopt when there is none or the kernel would
    /// not say. The worker's control fd is never asked.
    std::optional<std::uint64_t> level(unsigned long request, const FdFilter& filter) const;

private:
    int m_pid = -1;
    UniqueFd m_pidfd;
};

/// Accepts any socket of the worker.
bool isSocketLink(int fd, const std::string& link);

} // namespace ipclab
