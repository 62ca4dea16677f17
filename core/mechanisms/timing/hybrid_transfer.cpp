#include "mechanisms/timing/hybrid_transfer.h"

#include "mechanisms/timing/bench_link.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ipclab {

namespace {

/// Maps `fd` for `size` bytes and hands the mapping to `use`; false when mmap refused.
template <typename Use> bool withMapping(int fd, std::size_t size, int protection, Use use) {
    void* base = ::mmap(nullptr, size, protection, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
        return false;
    }
    use(static_cast<std::uint8_t*>(base));
    ::munmap(base, size);
    return true;
}

} // namespace

bool sendControl(int socket, std::uint64_t value, int passFd) {
    iovec part{&value, sizeof value};
    msghdr message{};
    message.msg_iov = &part;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int))];
    if (passFd >= 0) {
        message.msg_control = space;
        message.msg_controllen = sizeof space;
        cmsghdr* header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(header), &passFd, sizeof passFd);
    }
    for (;;) {
        const ssize_t n = ::sendmsg(socket, &message, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n == static_cast<ssize_t>(sizeof value);
    }
}

std::optional<std::uint64_t> receiveControl(int socket, int* receivedFd) {
    std::uint64_t value = 0;
    iovec part{&value, sizeof value};
    msghdr message{};
    message.msg_iov = &part;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char space[CMSG_SPACE(sizeof(int))];
    message.msg_control = space;
    message.msg_controllen = sizeof space;
    ssize_t n = 0;
    while ((n = ::recvmsg(socket, &message, MSG_CMSG_CLOEXEC | MSG_WAITALL)) < 0 && errno == EINTR) {
    }
    if (n != static_cast<ssize_t>(sizeof value)) {
        return std::nullopt;
    }
    int fd = -1;
    if (const cmsghdr* header = CMSG_FIRSTHDR(&message);
        header != nullptr && header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS) {
        std::memcpy(&fd, CMSG_DATA(header), sizeof fd);
    }
    if (receivedFd != nullptr) {
        *receivedFd = fd;
    } else if (fd >= 0) {
        ::close(fd);
    }
    return value;
}

bool sendInMemfd(int socket, std::size_t size) {
    const int fd = ::memfd_create("ipclab-hybrid", MFD_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok =
        ::ftruncate(fd, static_cast<off_t>(size)) == 0 &&
        withMapping(fd, size, PROT_READ | PROT_WRITE, [size](std::uint8_t* data) { std::memset(data, 0x5a, size); }) &&
        sendControl(socket, size, fd);
    ::close(fd);
    return ok;
}

bool receiveMemfd(int socket, std::size_t size) {
    int fd = -1;
    const auto announced = receiveControl(socket, &fd);
    if (!announced || fd < 0) {
        return false;
    }
    const bool ok = *announced == size &&
                    withMapping(fd, size, PROT_READ, [size](const std::uint8_t* data) { readAll(data, size); });
    ::close(fd);
    return ok;
}

} // namespace ipclab
