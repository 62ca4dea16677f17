#pragma once

#include "common/unique_fd.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ipclab {

/// How to start one worker: its arguments, and which of our fds it gets at which number.
struct SpawnSpec {
    std::filesystem::path program;
    std::vector<std::string> args;        ///< without argv[0]
    std::vector<std::pair<int, int>> fds; ///< (our fd, the child's fd number)
    int processGroup = 0;                 ///< 0: a new group led by the child
};

/// Owns one child process: it is killed and reaped when this goes away unless somebody (the
/// tracer) has reaped it already. Signals go through a pidfd, so they can never reach another
/// process that happens to get the pid once the child has been reaped.
class ChildProcess {
public:
    /// posix_spawn, so nothing runs between fork and exec that is not async-signal-safe.
    /// The child gets stdin from /dev/null, our stderr on stdout and stderr, and no other fd of ours.
    /// Throws Error(SystemError) when spawning fails.
    explicit ChildProcess(const SpawnSpec& spec);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    int pid() const { return m_pid; }
    /// Sends `signo` to this child if it is still alive. Thread-safe.
    void sendSignal(int signo) const;

private:
    int m_pid = -1;
    UniqueFd m_pidfd;
};

} // namespace ipclab
