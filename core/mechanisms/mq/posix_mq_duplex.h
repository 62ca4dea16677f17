#pragma once

#include "mechanisms/worker/duplex.h"

#include <cstddef>
#include <cstdint>
#include <mqueue.h>
#include <optional>
#include <span>
#include <string>

namespace ipclab {

/// Opens the existing POSIX queue `name` (mq_open, no O_CREAT: the session made it) with
/// `flags` (O_RDONLY or O_WRONLY). Throws std::runtime_error naming the queue and the reason.
mqd_t openPosixQueue(const std::string& name, int flags);

/// One mq_send (glibc's mq_send is the mq_timedsend system call) of `message` with `priority`,
/// retried only when a signal interrupted it. False when the kernel refused.
bool sendPosixMessage(mqd_t queue, std::span<const std::uint8_t> message, unsigned priority);

/// One mq_receive (the mq_timedreceive system call) into `buffer`, which must be at least the
/// queue's mq_msgsize. Returns the message's length and, through `priority`, its priority;
/// nullopt when the kernel refused.
std::optional<std::size_t> receivePosixMessage(mqd_t queue, std::span<std::uint8_t> buffer,
                                               unsigned* priority = nullptr);

/// Request/response over two POSIX message queues, one each way. Every message keeps its
/// boundaries: one send, one receive, whatever its size.
class PosixMqDuplex : public Duplex {
public:
    /// Opens `inName` to receive from and `outName` to send to (the worker's setup phase).
    PosixMqDuplex(const std::string& inName, const std::string& outName);
    ~PosixMqDuplex() override;
    PosixMqDuplex(const PosixMqDuplex&) = delete;
    PosixMqDuplex& operator=(const PosixMqDuplex&) = delete;

    bool send(std::span<const std::uint8_t> message) override;
    std::size_t receive(std::span<std::uint8_t> buffer) override;
    /// mq_close on both queues (a close() system call: an mqd_t is an fd on Linux).
    void close() override;

private:
    mqd_t m_in = -1;
    mqd_t m_out = -1;
};

} // namespace ipclab
