#include "observe/worker_fd_probe.h"

#include "protocol/record.h"

#include <filesystem>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ipclab {

namespace {

// Called through syscall(): glibc's <sys/pidfd.h> lacks C++ linkage on some systems.
int pidfdOpen(int pid) {
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

int pidfdGetfd(int pidfd, int targetFd) {
    return static_cast<int>(::syscall(SYS_pidfd_getfd, pidfd, targetFd, 0));
}

std::optional<std::uint64_t> askBorrowed(int pidfd, int targetFd, unsigned long request) {
    const UniqueFd borrowed(pidfdGetfd(pidfd, targetFd));
    if (!borrowed.valid()) {
        return std::nullopt;
    }
    int value = 0;
    if (::ioctl(borrowed.get(), request, &value) != 0 || value < 0) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(value);
}

} // namespace

WorkerFdProbe::WorkerFdProbe(int pid) : m_pid(pid), m_pidfd(pidfdOpen(pid)) {}

std::optional<std::uint64_t> WorkerFdProbe::level(unsigned long request, const FdFilter& filter) const {
    if (!m_pidfd.valid()) {
        return std::nullopt;
    }
    std::error_code ec;
    std::filesystem::directory_iterator entries("/proc/" + std::to_string(m_pid) + "/fd", ec);
    if (ec) {
        return std::nullopt; // the worker is gone, or /proc hides it from us
    }
    for (const auto& entry : entries) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        if (fd == protocol::kControlFd) {
            continue; // the observer's own channel is never the lesson's object
        }
        const auto link = std::filesystem::read_symlink(entry.path(), ec);
        if (ec || !filter(fd, link.string())) {
            continue;
        }
        if (const auto value = askBorrowed(m_pidfd.get(), fd, request)) {
            return value;
        }
    }
    return std::nullopt;
}

bool isSocketLink(int /*fd*/, const std::string& link) {
    return link.starts_with("socket:[");
}

} // namespace ipclab
