#pragma once

#include <cstdint>
#include <mqueue.h>
#include <optional>
#include <string>

namespace ipclab {

/// A POSIX message queue one run owns: created exclusively with mode 0600, opened by the session
/// only to sample its depth, and closed and unlinked on destruction, whatever became of the run.
class PosixQueue {
public:
    /// mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, {maxMessages, messageSize}). Throws
    /// Error(KernelLimit) when a kernel limit refuses it (naming the limit), Error(SystemError or
    /// PermissionDenied) otherwise; nothing exists then.
    PosixQueue(std::string name, long maxMessages, long messageSize);
    ~PosixQueue();
    PosixQueue(const PosixQueue&) = delete;
    PosixQueue& operator=(const PosixQueue&) = delete;

    const std::string& name() const { return m_name; }
    long maxMessages() const { return m_maxMessages; }
    long messageSize() const { return m_messageSize; }
    /// Messages waiting now (mq_curmsgs); nullopt when the kernel would not say. Thread-safe.
    std::optional<std::uint64_t> depth() const;

private:
    std::string m_name;
    long m_maxMessages;
    long m_messageSize;
    mqd_t m_mqd;
};

} // namespace ipclab
