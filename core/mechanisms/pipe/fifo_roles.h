#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// Request/response over two FIFOs (lesson §5): unrelated processes that meet through paths.
/// Names: "requests" and "responses", the FIFOs' paths, opened in the setup phase. Both sides
/// open "requests" first: opening one end of a FIFO waits until the other end is opened too, so
/// the same order on both sides is what keeps them from waiting for each other forever.
/// Parameters: "size", "round_trips".
int fifoClient(const WorkerContext& context);
int fifoServer(const WorkerContext& context);

} // namespace ipclab
