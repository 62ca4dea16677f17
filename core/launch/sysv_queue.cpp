#include "launch/sysv_queue.h"

#include "common/error.h"

#include <cerrno>
#include <cstdio>
#include <string>
#include <sys/ipc.h>

namespace ipclab {

std::string sysvKeyText(key_t key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(key));
    return text;
}

SysvQueue::SysvQueue(key_t key) : m_key(key), m_id(::msgget(key, IPC_CREAT | IPC_EXCL | 0600)) {
    if (m_id < 0) {
        const int err = errno;
        const std::string what = "cannot create the System V message queue with key " + sysvKeyText(key);
        if (err == ENOSPC) {
            throw Error(ErrorKind::KernelLimit,
                        what + ": the system holds as many queues as it allows (kernel.msgmni)");
        }
        throwSystemError(what, err);
    }
}

SysvQueue::~SysvQueue() {
    ::msgctl(m_id, IPC_RMID, nullptr);
}

std::optional<msqid_ds> SysvQueue::status() const {
    msqid_ds status{};
    if (::msgctl(m_id, IPC_STAT, &status) != 0) {
        return std::nullopt;
    }
    return status;
}

} // namespace ipclab
