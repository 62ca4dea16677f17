#pragma once

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

/// Owns one child process: it is killed and reaped when this goes away unless it has been
/// reaped already (the tracer reaps, then calls markReaped()).
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
    void markReaped() { m_reaped = true; }

private:
    int m_pid = -1;
    bool m_reaped = false;
};

} // namespace ipclab
