#pragma once

#include <optional>
#include <string>
#include <sys/msg.h>
#include <sys/types.h>

namespace ipclab {

/// A System V message queue one run owns: created exclusively with mode 0600 under the run's
/// key, and removed with IPC_RMID on destruction (messages still queued go with it), whatever
/// became of the run.
class SysvQueue {
public:
    /// msgget(key, IPC_CREAT | IPC_EXCL | 0600). Throws Error(KernelLimit) when the system holds
    /// as many queues as kernel.msgmni allows, Error(SystemError/PermissionDenied) otherwise.
    explicit SysvQueue(key_t key);
    ~SysvQueue();
    SysvQueue(const SysvQueue&) = delete;
    SysvQueue& operator=(const SysvQueue&) = delete;

    int id() const { return m_id; }
    key_t key() const { return m_key; }
    /// msgctl(IPC_STAT): depth (msg_qnum), bytes (msg_cbytes) and room (msg_qbytes); nullopt
    /// when the kernel would not say. Thread-safe.
    std::optional<msqid_ds> status() const;

private:
    key_t m_key;
    int m_id;
};

/// "0x1b0a2f3c": a key as `ipcs` shows it.
std::string sysvKeyText(key_t key);

} // namespace ipclab
