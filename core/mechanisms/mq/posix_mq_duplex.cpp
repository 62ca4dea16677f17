#include "mechanisms/mq/posix_mq_duplex.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>

namespace ipclab {

mqd_t openPosixQueue(const std::string& name, int flags) {
    const mqd_t queue = ::mq_open(name.c_str(), flags);
    if (queue == static_cast<mqd_t>(-1)) {
        throw std::runtime_error("cannot open the POSIX message queue " + name + ": " + std::strerror(errno));
    }
    return queue;
}

bool sendPosixMessage(mqd_t queue, std::span<const std::uint8_t> message, unsigned priority) {
    for (;;) {
        const auto* bytes = reinterpret_cast<const char*>(message.data());
        if (::mq_send(queue, bytes, message.size(), priority) == 0) {
            return true;
        }
        if (errno != EINTR) {
            return false;
        }
    }
}

std::optional<std::size_t> receivePosixMessage(mqd_t queue, std::span<std::uint8_t> buffer, unsigned* priority) {
    for (;;) {
        const ssize_t n = ::mq_receive(queue, reinterpret_cast<char*>(buffer.data()), buffer.size(), priority);
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) {
            return std::nullopt;
        }
    }
}

PosixMqDuplex::PosixMqDuplex(const std::string& inName, const std::string& outName)
    : m_in(openPosixQueue(inName, O_RDONLY)) {
    try {
        m_out = openPosixQueue(outName, O_WRONLY);
    } catch (...) {
        ::mq_close(m_in);
        throw;
    }
}

PosixMqDuplex::~PosixMqDuplex() {
    close();
}

bool PosixMqDuplex::send(std::span<const std::uint8_t> message) {
    return sendPosixMessage(m_out, message, 0);
}

std::size_t PosixMqDuplex::receive(std::span<std::uint8_t> buffer) {
    return receivePosixMessage(m_in, buffer).value_or(0);
}

void PosixMqDuplex::close() {
    for (mqd_t* queue : {&m_in, &m_out}) {
        if (*queue != static_cast<mqd_t>(-1)) {
            ::mq_close(*queue);
            *queue = -1;
        }
    }
}

} // namespace ipclab
