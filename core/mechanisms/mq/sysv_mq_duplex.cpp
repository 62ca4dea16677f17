#include "mechanisms/mq/sysv_mq_duplex.h"

#include "common/sysv_project_id.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/msg.h>

namespace ipclab {

int openSysvQueue(const std::string& keyFile) {
    const key_t key = ::ftok(keyFile.c_str(), kSysvProjectId);
    if (key == -1) {
        throw std::runtime_error("ftok(" + keyFile + ") failed: " + std::strerror(errno));
    }
    const int msqid = ::msgget(key, 0);
    if (msqid < 0) {
        throw std::runtime_error("cannot find the System V message queue of " + keyFile + ": " + std::strerror(errno));
    }
    return msqid;
}

SysvMessage::SysvMessage(std::size_t capacity)
    : m_capacity(capacity), m_words(1 + (capacity + sizeof(long) - 1) / sizeof(long)) {}

std::span<std::uint8_t> SysvMessage::text() {
    return {reinterpret_cast<std::uint8_t*>(m_words.data() + 1), m_capacity};
}

bool SysvMessage::send(int msqid, long type, std::size_t length) {
    m_words[0] = type;
    for (;;) {
        if (::msgsnd(msqid, m_words.data(), length, 0) == 0) {
            return true;
        }
        if (errno != EINTR) {
            return false;
        }
    }
}

std::optional<std::size_t> SysvMessage::receive(int msqid, long type, int flags) {
    for (;;) {
        const ssize_t n = ::msgrcv(msqid, m_words.data(), m_capacity, type, flags);
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) {
            return std::nullopt;
        }
    }
}

SysvMqDuplex::SysvMqDuplex(int msqid, long sendType, long receiveType, std::size_t maxSize)
    : m_msqid(msqid), m_sendType(sendType), m_receiveType(receiveType), m_message(maxSize) {}

bool SysvMqDuplex::send(std::span<const std::uint8_t> message) {
    if (message.size() > m_message.capacity()) {
        return false;
    }
    std::copy(message.begin(), message.end(), m_message.text().begin());
    return m_message.send(m_msqid, m_sendType, message.size());
}

std::size_t SysvMqDuplex::receive(std::span<std::uint8_t> buffer) {
    const auto length = m_message.receive(m_msqid, m_receiveType);
    if (!length || *length > buffer.size()) {
        return 0;
    }
    std::copy_n(m_message.text().begin(), *length, buffer.begin());
    return *length;
}

} // namespace ipclab
