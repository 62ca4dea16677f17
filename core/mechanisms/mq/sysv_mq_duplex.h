#pragma once

#include "mechanisms/worker/duplex.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ipclab {

/// ftok(keyFile, ipclab's project id) and msgget(key, 0): finds the queue the session made.
/// Throws std::runtime_error naming the file and the reason.
int openSysvQueue(const std::string& keyFile);

/// A System V message as msgsnd/msgrcv want it: a long type followed by the text. Its memory
/// is allocated once, up front (a worker's setup phase), for texts of up to `capacity` bytes.
class SysvMessage {
public:
    explicit SysvMessage(std::size_t capacity);
    std::size_t capacity() const { return m_capacity; }
    long type() const { return m_words[0]; }
    std::span<std::uint8_t> text();

    /// msgsnd of the first `length` bytes of text() with `type`, retried only on EINTR.
    bool send(int msqid, long type, std::size_t length);
    /// msgrcv of the first message whose type is `type` (0: any) into text(); `flags` e.g.
    /// IPC_NOWAIT. The text's length, or nullopt with errno set when the kernel refused.
    std::optional<std::size_t> receive(int msqid, long type, int flags = 0);

private:
    std::size_t m_capacity;
    std::vector<long> m_words; ///< the type, then the text: longs keep the type aligned
};

/// Request/response over ONE System V queue: each side sends with its own type and asks msgrcv
/// for the other side's type only, so the two directions never take each other's messages.
class SysvMqDuplex : public Duplex {
public:
    SysvMqDuplex(int msqid, long sendType, long receiveType, std::size_t maxSize);

    /// Copies `message` behind the type (in user space, not a system call) and msgsnd()s it.
    bool send(std::span<const std::uint8_t> message) override;
    std::size_t receive(std::span<std::uint8_t> buffer) override;
    /// Nothing to close: a System V queue id is not a descriptor, and the session removes the
    /// queue. The teardown phase makes no call.
    void close() override {}

private:
    int m_msqid;
    long m_sendType;
    long m_receiveType;
    SysvMessage m_message;
};

} // namespace ipclab
