#pragma once

#include "common/unique_fd.h"
#include "protocol/record.h"

#include <functional>
#include <vector>

namespace ipclab {

struct SocketPair {
    UniqueFd ours;
    UniqueFd theirs;
};

/// A stream socket pair, close-on-exec, for one worker's control channel.
SocketPair makeControlPair();

/// The session's end of one worker's control channel: Go goes out, phase marks and the
/// worker's report come back. Not thread-safe; the session thread owns it.
class WorkerChannel {
public:
    WorkerChannel(int pid, UniqueFd fd);

    int pid() const { return m_pid; }
    int fd() const { return m_fd.get(); }
    bool open() const { return m_fd.valid(); }
    /// The worker said Ready: it is blocked waiting for Go.
    bool ready() const { return m_ready; }

    void sendGo();
    /// Reads what is waiting without blocking and hands each whole record to `onRecord`.
    /// Closes the channel on EOF, on an error, or on a record stream that is not ours.
    void readAvailable(const std::function<void(const protocol::Record&)>& onRecord);

private:
    int m_pid;
    UniqueFd m_fd;
    protocol::RecordDecoder m_decoder;
    bool m_ready = false;
};

/// Waits until every worker said Ready. Returns -1 then, or the index of the first channel that
/// closed, or did not answer within `timeoutMs`. Returns -1 early when `wakeFd` becomes
/// readable (a stop was asked for); the caller tells the cases apart.
int awaitReady(std::vector<WorkerChannel>& channels, int timeoutMs, int wakeFd);

} // namespace ipclab
