#include "cli_runner.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace ipclab::test {

namespace {

/// An unlinked temp file: the child writes into it, we read it back after the child ended.
/// Files rather than pipes so that a chatty child can never block on a full pipe.
int makeCaptureFile() {
    char name[] = "/tmp/ipclab-cli-test-XXXXXX";
    const int fd = ::mkstemp(name);
    ::unlink(name);
    return fd;
}

std::string readAll(int fd) {
    std::string text;
    char buffer[4096];
    ::lseek(fd, 0, SEEK_SET);
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

std::vector<std::string> childEnvironment() {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        if (std::string_view(*entry).rfind("IPCLAB_SCENARIOS=", 0) != 0) {
            env.emplace_back(*entry);
        }
    }
    env.emplace_back(std::string("IPCLAB_SCENARIOS=") + IPCLAB_TEST_SCENARIO_DIR);
    return env;
}

std::vector<char*> pointersTo(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (std::string& text : strings) {
        pointers.push_back(text.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

int waitFor(pid_t pid, std::chrono::milliseconds signalAfter, int signo) {
    const auto deadline = std::chrono::steady_clock::now() + signalAfter;
    bool signalled = signalAfter.count() <= 0;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, signalled ? 0 : WNOHANG);
        if (done == pid) {
            break;
        }
        if (done < 0 && errno != EINTR) {
            return -1;
        }
        if (!signalled && std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, signo);
            signalled = true;
        } else if (!signalled) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

CliResult runCli(const std::vector<std::string>& args, std::chrono::milliseconds signalAfter, int signo) {
    return runCliUnder({}, args, signalAfter, signo);
}

CliResult runCliUnder(const std::string& wrapper, const std::vector<std::string>& args,
                      std::chrono::milliseconds signalAfter, int signo) {
    std::vector<std::string> argv;
    if (!wrapper.empty()) {
        argv.push_back(wrapper);
    }
    argv.push_back(IPCLAB_TEST_CLI);
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env = childEnvironment();
    std::vector<char*> argvPointers = pointersTo(argv);
    std::vector<char*> envPointers = pointersTo(env);

    const int outFd = makeCaptureFile();
    const int errFd = makeCaptureFile();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outFd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errFd, STDERR_FILENO);
    pid_t pid = -1;
    const int spawnError =
        ::posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, argvPointers.data(), envPointers.data());
    posix_spawn_file_actions_destroy(&actions);
    CliResult result;
    if (spawnError != 0) {
        ADD_FAILURE() << "cannot start " << argv[0] << ": " << std::strerror(spawnError);
        ::close(outFd);
        ::close(errFd);
        return result;
    }
    result.exitCode = waitFor(pid, signalAfter, signo);
    result.out = readAll(outFd);
    result.err = readAll(errFd);
    return result;
}

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ipclab-cli-test-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data());
}

TempDir::~TempDir() {
    std::filesystem::remove_all(m_path);
}

void TempDir::write(const std::string& name, const std::string& text) const {
    std::ofstream(std::filesystem::path(m_path) / name) << text;
}

} // namespace ipclab::test
