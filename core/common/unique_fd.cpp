#include "common/unique_fd.h"

#include "common/error.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ipclab {

void UniqueFd::reset(int fd) {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
    m_fd = fd;
}

PipePair makePipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throwSystemError("cannot create a pipe", errno);
    }
    return PipePair{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

} // namespace ipclab
