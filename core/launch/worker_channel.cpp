#include "launch/worker_channel.h"

#include "common/error.h"

#include "common/monotonic_clock.h"

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ipclab {

SocketPair makeControlPair() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        throwSystemError("cannot create a control channel for a worker", errno);
    }
    return SocketPair{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

WorkerChannel::WorkerChannel(int pid, UniqueFd fd) : m_pid(pid), m_fd(std::move(fd)) {}

void WorkerChannel::sendGo() {
    const auto bytes = protocol::encode(protocol::Record{protocol::RecordType::Go, {}});
    // A worker that died before Go shows up as EOF on its channel; nothing to do here.
    (void)::send(m_fd.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
}

void WorkerChannel::readAvailable(const std::function<void(const protocol::Record&)>& onRecord) {
    std::uint8_t buffer[4096];
    for (;;) {
        const ssize_t n = ::recv(m_fd.get(), buffer, sizeof buffer, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        }
        if (n <= 0) {
            m_fd.reset();
            return;
        }
        m_decoder.feed(buffer, static_cast<std::size_t>(n));
        while (auto record = m_decoder.take()) {
            if (record->type == protocol::RecordType::Ready) {
                m_ready = true;
            } else {
                onRecord(*record);
            }
        }
        if (m_decoder.corrupt()) {
            m_fd.reset();
            return;
        }
    }
}

} // namespace ipclab

namespace ipclab {

int awaitReady(std::vector<WorkerChannel>& channels, int timeoutMs, int wakeFd) {
    const std::int64_t deadline = monotonicNs() + std::int64_t{timeoutMs} * 1'000'000;
    for (;;) {
        std::vector<pollfd> fds{{wakeFd, POLLIN, 0}};
        for (std::size_t i = 0; i < channels.size(); ++i) {
            if (!channels[i].open()) {
                return static_cast<int>(i);
            }
            if (!channels[i].ready()) {
                fds.push_back({channels[i].fd(), POLLIN, 0});
            }
        }
        if (fds.size() == 1) {
            return -1;
        }
        const std::int64_t left = (deadline - monotonicNs()) / 1'000'000;
        if (left <= 0 || (::poll(fds.data(), fds.size(), static_cast<int>(left)) < 0 && errno != EINTR)) {
            for (std::size_t i = 0; i < channels.size(); ++i) {
                if (!channels[i].ready()) {
                    return static_cast<int>(i);
                }
            }
        }
        if ((fds[0].revents & POLLIN) != 0) {
            return -1;
        }
        for (auto& channel : channels) {
            // Nothing but Ready is expected before Go; anything else is kept by nobody.
            channel.readAvailable([](const protocol::Record&) {});
        }
    }
}

} // namespace ipclab
