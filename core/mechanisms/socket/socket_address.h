#pragma once

#include <cstdint>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>

namespace ipclab {

/// A Unix domain socket address for a path, with the length bind() and connect() expect.
struct UnixAddress {
    sockaddr_un address{};
    socklen_t length = 0;

    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&address); }
};

/// The longest path a Unix socket address holds (sun_path, less its terminating NUL).
inline constexpr std::size_t kMaxUnixPath = sizeof(sockaddr_un::sun_path) - 1;

/// Throws std::length_error naming the path when it is longer than kMaxUnixPath. Makes no system call.
UnixAddress unixAddress(const std::string& path);

/// 127.0.0.1:`port`: ipclab's TCP traffic never leaves the machine. Makes no system call.
sockaddr_in loopbackAddress(std::uint16_t port);

} // namespace ipclab
