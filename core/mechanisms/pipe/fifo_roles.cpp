#include "mechanisms/pipe/fifo_roles.h"

#include "mechanisms/worker/exchange.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <string>

namespace ipclab {

namespace {

int openFifo(const std::string& path, int mode) {
    int fd = -1;
    do {
        fd = ::open(path.c_str(), mode | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        throw std::runtime_error("open(" + path + ") failed: " + std::strerror(errno));
    }
    return fd;
}

std::unique_ptr<Duplex> openClientSide(const WorkerContext& context) {
    const int out = openFifo(context.name("requests"), O_WRONLY);
    const int in = openFifo(context.name("responses"), O_RDONLY);
    return std::make_unique<StreamDuplex>(in, out);
}

std::unique_ptr<Duplex> openServerSide(const WorkerContext& context) {
    const int in = openFifo(context.name("requests"), O_RDONLY);
    const int out = openFifo(context.name("responses"), O_WRONLY);
    return std::make_unique<StreamDuplex>(in, out);
}

} // namespace

int fifoClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openClientSide);
}

int fifoServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openServerSide);
}

} // namespace ipclab
