#include "launch/sockets.h"

#include "common/error.h"
#include "mechanisms/socket/socket_address.h"
#include "observe/kernel_limits.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fstream>
#include <sys/stat.h>

namespace ipclab {

namespace {

UniqueFd boundUnixSocket(const std::filesystem::path& path, int type) {
    if (path.string().size() > kMaxUnixPath) {
        throw Error(ErrorKind::SystemError, "the socket path " + path.string() + " is longer than the " +
                                                std::to_string(kMaxUnixPath) +
                                                " bytes a Unix socket address holds; set TMPDIR to a shorter folder");
    }
    UniqueFd fd(::socket(AF_UNIX, type | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        throwSystemError("cannot create a Unix socket", errno);
    }
    const UnixAddress address = unixAddress(path.string());
    if (::bind(fd.get(), address.get(), address.length) != 0) {
        throwSystemError("cannot create the socket file " + path.string(), errno);
    }
    // bind() takes its mode from the umask; the run folder is private already, this makes it exact.
    if (::chmod(path.c_str(), 0600) != 0) {
        throwSystemError("cannot set mode 0600 on " + path.string(), errno);
    }
    return fd;
}

} // namespace

UniqueFd listeningUnixSocket(const std::filesystem::path& path) {
    UniqueFd fd = boundUnixSocket(path, SOCK_STREAM);
    if (::listen(fd.get(), 1) != 0) {
        throwSystemError("cannot listen on " + path.string(), errno);
    }
    return fd;
}

UniqueFd boundUnixDatagramSocket(const std::filesystem::path& path) {
    return boundUnixSocket(path, SOCK_DGRAM);
}

UniqueFd listeningLoopbackSocket(std::uint16_t& port) {
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        throwSystemError("cannot create a TCP socket", errno);
    }
    sockaddr_in address = loopbackAddress(0);
    socklen_t length = sizeof address;
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), length) != 0 || ::listen(fd.get(), 1) != 0 ||
        ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throwSystemError("cannot listen on 127.0.0.1", errno);
    }
    port = ntohs(address.sin_port);
    return fd;
}

std::uint64_t sendBufferSize(int fd) {
    int size = 0;
    socklen_t length = sizeof size;
    if (::getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &length) != 0 || size < 0) {
        throwSystemError("cannot read the socket's send buffer size (SO_SNDBUF)", errno);
    }
    return static_cast<std::uint64_t>(size);
}

std::uint64_t requireProcSys(const std::string& key) {
    const auto value = readProcSys(key);
    if (!value || *value < 0) {
        throw Error(ErrorKind::SystemError, "cannot read /proc/sys/" + key);
    }
    return static_cast<std::uint64_t>(*value);
}

std::uint64_t tcpReceiveBufferMax() {
    std::ifstream in("/proc/sys/net/ipv4/tcp_rmem");
    std::uint64_t min = 0;
    std::uint64_t initial = 0;
    std::uint64_t max = 0;
    if (!(in >> min >> initial >> max)) {
        throw Error(ErrorKind::SystemError, "cannot read /proc/sys/net/ipv4/tcp_rmem");
    }
    return max;
}

} // namespace ipclab
