#pragma once

#include "mechanisms/worker/duplex.h"
#include "mechanisms/worker/worker_context.h"

#include <functional>
#include <memory>

namespace ipclab {

/// Opens the worker's side of the channel in the setup phase (mq_open, connect, ...). May
/// throw std::runtime_error with a sentence saying what failed.
using DuplexOpener = std::function<std::unique_ptr<Duplex>(const WorkerContext&)>;

/// The lesson's request/response (§4) over any mechanism: setup (open the channel, allocate
/// buffers), transfer (params "round_trips" exchanges of "size" bytes, every byte checked),
/// teardown (close). The client speaks first; the server answers. Exit code 0 when all verified.
int runRequestResponse(const WorkerContext& context, bool client, const DuplexOpener& open);

} // namespace ipclab
