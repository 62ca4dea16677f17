#include "mechanisms/socket/socket_roles.h"

#include "mechanisms/socket/socket_address.h"
#include "mechanisms/worker/exchange.h"

#include <cerrno>
#include <cstring>
#include <netinet/tcp.h>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace ipclab {

namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + " failed: " + std::strerror(errno));
}

int newSocket(int domain, int type) {
    const int fd = ::socket(domain, type | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        fail("socket()");
    }
    return fd;
}

int connectOrThrow(int fd, const sockaddr* address, socklen_t length, const std::string& where) {
    int rc = 0;
    do {
        rc = ::connect(fd, address, length);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        fail("connect() to " + where);
    }
    return fd;
}

/// Takes the one client the listener has queued, then closes the listener.
int acceptOne(int listener) {
    int fd = -1;
    do {
        fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        fail("accept()");
    }
    ::close(listener);
    return fd;
}

void noDelay(int fd) {
    const int on = 1;
    if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) != 0) {
        fail("setsockopt(TCP_NODELAY)");
    }
}

std::uint16_t portOf(const WorkerContext& context) {
    const int port = std::stoi(context.name("port"));
    if (port <= 0 || port > 65535) {
        throw std::runtime_error("the session passed no valid port: " + context.name("port"));
    }
    return static_cast<std::uint16_t>(port);
}

} // namespace

std::unique_ptr<Duplex> openUnixStreamClient(const WorkerContext& context) {
    const std::string& path = context.name("path");
    const UnixAddress address = unixAddress(path);
    const int fd = connectOrThrow(newSocket(AF_UNIX, SOCK_STREAM), address.get(), address.length, path);
    return std::make_unique<StreamDuplex>(fd, fd);
}

std::unique_ptr<Duplex> openUnixStreamServer(const WorkerContext& context) {
    const int fd = acceptOne(context.fd("listener"));
    return std::make_unique<StreamDuplex>(fd, fd);
}

std::unique_ptr<Duplex> openUnixDatagram(const WorkerContext& context) {
    const std::string& peer = context.name("peer");
    const UnixAddress address = unixAddress(peer);
    const int fd = connectOrThrow(context.fd("socket"), address.get(), address.length, peer);
    return std::make_unique<DatagramDuplex>(fd);
}

std::unique_ptr<Duplex> openTcpClient(const WorkerContext& context) {
    const sockaddr_in address = loopbackAddress(portOf(context));
    const int fd = newSocket(AF_INET, SOCK_STREAM);
    noDelay(fd);
    connectOrThrow(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address,
                   "127.0.0.1 port " + context.name("port"));
    return std::make_unique<StreamDuplex>(fd, fd);
}

std::unique_ptr<Duplex> openTcpServer(const WorkerContext& context) {
    const int fd = acceptOne(context.fd("listener"));
    noDelay(fd);
    return std::make_unique<StreamDuplex>(fd, fd);
}

int unixStreamClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openUnixStreamClient);
}

int unixStreamServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openUnixStreamServer);
}

int unixDatagramClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openUnixDatagram);
}

int unixDatagramServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openUnixDatagram);
}

int tcpClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openTcpClient);
}

int tcpServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openTcpServer);
}

} // namespace ipclab
