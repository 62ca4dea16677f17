#include "mechanisms/timing/bench_once_kinds.h"

#include "mechanisms/socket/socket_address.h"
#include "mechanisms/timing/hybrid_transfer.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ipclab {

namespace {

/// Closes the fds it holds when it goes out of scope, whatever threw in between.
class Fds {
public:
    ~Fds() {
        for (int fd : m_fds) {
            ::close(fd);
        }
    }
    int add(int fd, const std::string& what) {
        requireCall(fd >= 0, what);
        m_fds.push_back(fd);
        return fd;
    }

private:
    std::vector<int> m_fds;
};

/// Listen, connect and accept, then one transfer: a Unix stream socket at "once_path", or TCP on
/// 127.0.0.1 at a port the kernel picks (told to the peer in the go message).
class SocketOnce : public BenchOnce {
public:
    SocketOnce(std::string path, std::size_t size, bool tcp, std::size_t threshold)
        : m_path(std::move(path)), m_tcp(tcp), m_threshold(threshold), m_buffer(size, 0x5a) {}

    void setupTeardown() override {
        Fds fds;
        std::uint16_t port = 0;
        const int listener = fds.add(listen(port), "listen");
        const int client = fds.add(connectTo(port), "connect");
        fds.add(::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC), "accept");
        (void)client;
        if (m_buffer.size() >= m_threshold) {
            // The hybrid's large messages also need a memfd each: its setup is part of the cost.
            const int memfd = fds.add(::memfd_create("ipclab-hybrid", MFD_CLOEXEC), "memfd_create");
            const std::size_t size = m_buffer.size();
            requireCall(::ftruncate(memfd, static_cast<off_t>(size)) == 0, "ftruncate(memfd)");
            void* base = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
            requireCall(base != MAP_FAILED, "mmap(memfd)");
            for (std::size_t offset = 0; offset < size; offset += 4096) {
                static_cast<volatile std::uint8_t*>(base)[offset] = 1; // fault every page in, as the others do
            }
            ::munmap(base, size);
        }
        unlinkPath();
    }

    void createAndSend(int ctl) override {
        Fds fds;
        std::uint16_t port = 0;
        const int listener = fds.add(listen(port), "listen");
        requireCall(sendControl(ctl, port), "sending go");
        const int peer = fds.add(::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC), "accept");
        const bool ok = m_buffer.size() < m_threshold ? writeFully(peer, m_buffer.data(), m_buffer.size())
                                                      : sendInMemfd(peer, m_buffer.size());
        requireCall(ok, "sending the data");
        requireCall(receiveControl(ctl).has_value(), "the peer's done message");
        unlinkPath();
    }

    void openAndReceive(int ctl) override {
        const auto port = receiveControl(ctl);
        requireCall(port.has_value(), "the creator's go message");
        Fds fds;
        const int fd = fds.add(connectTo(static_cast<std::uint16_t>(*port)), "connect");
        const bool ok = m_buffer.size() < m_threshold
                            ? readFully(fd, m_buffer.data(), m_buffer.size()) == m_buffer.size()
                            : receiveMemfd(fd, m_buffer.size());
        requireCall(ok, "receiving the data");
        requireCall(sendControl(ctl, 1), "sending done");
    }

private:
    int listen(std::uint16_t& port) {
        const int fd = ::socket(m_tcp ? AF_INET : AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        requireCall(fd >= 0, "socket");
        bool ok = false;
        if (m_tcp) {
            sockaddr_in address = loopbackAddress(0);
            socklen_t length = sizeof address;
            ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
                 ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
            port = ntohs(address.sin_port);
        } else {
            const UnixAddress address = unixAddress(m_path);
            ok = ::bind(fd, address.get(), address.length) == 0;
        }
        if (!ok || ::listen(fd, 1) != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

    int connectTo(std::uint16_t port) {
        const int fd = ::socket(m_tcp ? AF_INET : AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        requireCall(fd >= 0, "socket");
        int ok = -1;
        if (m_tcp) {
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            const sockaddr_in address = loopbackAddress(port);
            ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        } else {
            const UnixAddress address = unixAddress(m_path);
            ok = ::connect(fd, address.get(), address.length);
        }
        if (ok != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

    void unlinkPath() {
        if (!m_tcp) {
            ::unlink(m_path.c_str());
        }
    }

    std::string m_path;
    bool m_tcp;
    std::size_t m_threshold;
    std::vector<std::uint8_t> m_buffer;
};

} // namespace

std::unique_ptr<BenchOnce> makeSocketOnce(const WorkerContext& context, std::size_t size, bool tcp,
                                          std::size_t threshold) {
    return std::make_unique<SocketOnce>(tcp ? std::string() : context.name("once_path"), size, tcp, threshold);
}

} // namespace ipclab
