#include "stop_signals.h"

#include "common/error.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ipclab::cli {

namespace {

constexpr int kHandledSignals[] = {SIGINT, SIGTERM};
constexpr unsigned char kQuitByte = 0;

// Written once before the handlers are installed and read only by them.
volatile std::sig_atomic_t g_wakeFd = -1;
struct sigaction g_previous[2];

void onSignal(int signo) {
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signo);
    // Nothing to do if the pipe is full: a stop is already on its way to the watcher.
    [[maybe_unused]] const ssize_t written = ::write(g_wakeFd, &byte, 1);
    errno = savedErrno;
}

} // namespace

StopSignals::StopSignals(std::function<void()> onStop) : m_onStop(std::move(onStop)) {
    int fds[2];
    // Close-on-exec: the workers must not inherit our wake-up pipe.
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throwSystemError("cannot create the stop pipe", errno);
    }
    m_readFd = fds[0];
    m_writeFd = fds[1];
    // The handler must never block, whatever the watcher does.
    ::fcntl(m_writeFd, F_SETFL, O_NONBLOCK);
    g_wakeFd = m_writeFd;
    m_thread = std::thread([this] { watch(); });

    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < std::size(kHandledSignals); ++i) {
        ::sigaction(kHandledSignals[i], &action, &g_previous[i]);
    }
}

StopSignals::~StopSignals() {
    for (std::size_t i = 0; i < std::size(kHandledSignals); ++i) {
        ::sigaction(kHandledSignals[i], &g_previous[i], nullptr);
    }
    const unsigned char quit = kQuitByte;
    while (::write(m_writeFd, &quit, 1) < 0 && errno == EINTR) {
    }
    m_thread.join();
    g_wakeFd = -1;
    ::close(m_readFd);
    ::close(m_writeFd);
}

void StopSignals::watch() {
    for (;;) {
        unsigned char byte = kQuitByte;
        const ssize_t n = ::read(m_readFd, &byte, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0 || byte == kQuitByte) {
            return;
        }
        m_signal.store(byte);
        m_onStop();
    }
}

} // namespace ipclab::cli
