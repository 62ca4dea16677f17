#include "launch/posix_queue.h"

#include "common/error.h"

#include <cerrno>
#include <fcntl.h>

namespace ipclab {

namespace {

[[noreturn]] void throwOpenError(const std::string& name, int err) {
    const std::string what = "cannot create the POSIX message queue " + name;
    switch (err) {
    case EMFILE:
        // Also the error for exceeding the per-user byte budget of all queues together.
        throw Error(ErrorKind::KernelLimit, what + ": this user's queues would exceed RLIMIT_MSGQUEUE (see "
                                                   "`ulimit -q`), or this process has too many files open");
    case ENFILE:
        throw Error(ErrorKind::KernelLimit,
                    what + ": the system holds as many queues as it allows (fs.mqueue.queues_max)");
    case EINVAL:
        throw Error(ErrorKind::KernelLimit,
                    what + ": the kernel refused its size (fs.mqueue.msg_max, fs.mqueue.msgsize_max)");
    case ENOSYS:
        throw Error(ErrorKind::SystemError, what + ": this kernel has no POSIX message queues");
    default:
        throwSystemError(what, err);
    }
}

} // namespace

PosixQueue::PosixQueue(std::string name, long maxMessages, long messageSize)
    : m_name(std::move(name)), m_maxMessages(maxMessages), m_messageSize(messageSize) {
    mq_attr attr{};
    attr.mq_maxmsg = maxMessages;
    attr.mq_msgsize = messageSize;
    // Linux gives every queue descriptor close-on-exec, so no worker inherits this one.
    m_mqd = ::mq_open(m_name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (m_mqd == static_cast<mqd_t>(-1)) {
        throwOpenError(m_name, errno);
    }
}

PosixQueue::~PosixQueue() {
    ::mq_close(m_mqd);
    ::mq_unlink(m_name.c_str());
}

std::optional<std::uint64_t> PosixQueue::depth() const {
    mq_attr attr{};
    if (::mq_getattr(m_mqd, &attr) != 0) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(attr.mq_curmsgs);
}

} // namespace ipclab
