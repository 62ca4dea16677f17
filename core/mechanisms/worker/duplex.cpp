#include "mechanisms/worker/duplex.h"

#include "mechanisms/worker/worker_context.h"

#include <cerrno>
#include <unistd.h>

namespace ipclab {

bool StreamDuplex::send(std::span<const std::uint8_t> message) {
    return writeFully(m_out, message.data(), message.size());
}

std::size_t StreamDuplex::receive(std::span<std::uint8_t> buffer) {
    return readFully(m_in, buffer.data(), buffer.size());
}

void StreamDuplex::close() {
    ::close(m_out);
    if (m_in != m_out) {
        ::close(m_in);
    }
}

bool DatagramDuplex::send(std::span<const std::uint8_t> message) {
    for (;;) {
        const ssize_t n = ::write(m_fd, message.data(), message.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n == static_cast<ssize_t>(message.size());
    }
}

std::size_t DatagramDuplex::receive(std::span<std::uint8_t> buffer) {
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n < 0 ? 0 : static_cast<std::size_t>(n);
    }
}

void DatagramDuplex::close() {
    ::close(m_fd);
}

} // namespace ipclab
