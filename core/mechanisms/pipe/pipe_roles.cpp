#include "mechanisms/pipe/pipe_roles.h"

#include "mechanisms/worker/exchange.h"

namespace ipclab {

namespace {

std::unique_ptr<Duplex> openPipes(const WorkerContext& context) {
    // The session created the pipes and handed them over: nothing to open here.
    return std::make_unique<StreamDuplex>(context.fd("in"), context.fd("out"));
}

} // namespace

int pipeClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openPipes);
}

int pipeServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openPipes);
}

} // namespace ipclab
