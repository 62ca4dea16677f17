#include "launch/child_process.h"

#include "common/error.h"
#include "common/unique_fd.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab {

namespace {

// Debian 12's glibc declares these in <sys/pidfd.h> without C linkage for C++, so the wrappers
// cannot be linked from here: the system calls are made directly.
int openPidfd(pid_t pid) {
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}
int signalPidfd(int pidfd, int signo) {
    return static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, signo, nullptr, 0));
}

// Sources are moved above every target number first, so that no dup2 overwrites a source
// that a later dup2 still needs.
constexpr int kFirstHighFd = 100;

class FileActions {
public:
    FileActions() { posix_spawn_file_actions_init(&m_actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&m_actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions{};
};

class SpawnAttributes {
public:
    SpawnAttributes() { posix_spawnattr_init(&m_attributes); }
    ~SpawnAttributes() { posix_spawnattr_destroy(&m_attributes); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    posix_spawnattr_t* get() { return &m_attributes; }

private:
    posix_spawnattr_t m_attributes{};
};

} // namespace

ChildProcess::ChildProcess(const SpawnSpec& spec) {
    std::vector<UniqueFd> high;
    FileActions actions;
    posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(actions.get(), 2, 1);
    int highest = 2;
    for (const auto& [ours, theirs] : spec.fds) {
        const int moved = ::fcntl(ours, F_DUPFD_CLOEXEC, kFirstHighFd);
        if (moved < 0) {
            throwSystemError("cannot pass a channel to " + spec.program.filename().string(), errno);
        }
        high.emplace_back(moved);
        posix_spawn_file_actions_adddup2(actions.get(), moved, theirs);
        highest = std::max(highest, theirs);
    }
    posix_spawn_file_actions_addclosefrom_np(actions.get(), highest + 1);

    SpawnAttributes attributes;
    posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(attributes.get(), spec.processGroup);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(attributes.get(), &none);
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setsigdefault(attributes.get(), &all);

    std::vector<std::string> argvStrings;
    argvStrings.push_back(spec.program.string());
    argvStrings.insert(argvStrings.end(), spec.args.begin(), spec.args.end());
    std::vector<char*> argv;
    for (auto& arg : argvStrings) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);

    pid_t pid = -1;
    const int err = posix_spawn(&pid, spec.program.c_str(), actions.get(), attributes.get(), argv.data(), environ);
    if (err != 0) {
        throwSystemError("cannot start " + spec.program.string(), err);
    }
    m_pid = pid;
    m_pidfd.reset(openPidfd(pid));
    if (!m_pidfd.valid()) {
        const int openError = errno;
        ::kill(pid, SIGKILL); // still our unreaped child: the pid cannot have been reused yet
        ::waitpid(pid, nullptr, __WALL);
        throwSystemError("cannot open a pidfd for " + spec.program.filename().string(), openError);
    }
}

void ChildProcess::sendSignal(int signo) const {
    signalPidfd(m_pidfd.get(), signo);
}

ChildProcess::~ChildProcess() {
    // Already reaped (by the tracer) means no longer our child: then there is nothing to do.
    siginfo_t info{};
    if (::waitid(P_PIDFD, static_cast<id_t>(m_pidfd.get()), &info, WEXITED | WNOHANG | WNOWAIT | __WALL) != 0) {
        return;
    }
    sendSignal(SIGKILL);
    while (::waitid(P_PIDFD, static_cast<id_t>(m_pidfd.get()), &info, WEXITED | __WALL) != 0 && errno == EINTR) {
    }
}

} // namespace ipclab
