#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// Request/response over two pipes (lesson §4). Channels: "out" (this side writes), "in"
/// (this side reads). Parameters: "size" bytes per message, "round_trips".
int pipeClient(const WorkerContext& context);
int pipeServer(const WorkerContext& context);

} // namespace ipclab
