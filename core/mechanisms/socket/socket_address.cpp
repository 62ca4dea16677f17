#include "mechanisms/socket/socket_address.h"

#include <arpa/inet.h>
#include <cstring>
#include <stdexcept>

namespace ipclab {

UnixAddress unixAddress(const std::string& path) {
    if (path.size() > kMaxUnixPath) {
        throw std::length_error("the socket path " + path + " is " + std::to_string(path.size()) +
                                " bytes long; a Unix socket address holds at most " + std::to_string(kMaxUnixPath));
    }
    UnixAddress unix;
    unix.address.sun_family = AF_UNIX;
    std::memcpy(unix.address.sun_path, path.c_str(), path.size() + 1);
    unix.length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + 1);
    return unix;
}

sockaddr_in loopbackAddress(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

} // namespace ipclab
