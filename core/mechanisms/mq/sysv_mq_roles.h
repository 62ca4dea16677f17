#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

// System V message queue roles (lesson §5, §16-17). The session creates one queue and passes the
// path of its key file (see sysv_mq_protocol.h); each role finds the queue with ftok + msgget in
// its setup phase. There is nothing to close: the session removes the queue with IPC_RMID.

/// Request/response over ONE queue: requests have type 1, responses type 2. Parameters "size"
/// bytes per message and "round_trips".
int sysvMqClient(const WorkerContext& context);
int sysvMqServer(const WorkerContext& context);

/// Types: the sender queues "messages" messages of types 1, 2, 3, 1, 2, 3, ... and then "all
/// sent" (type 4). The receiver asks for type 4, then for type 2 only, and checks it got exactly
/// the type-2 messages, in the order they were sent, while the others stay queued. Parameters
/// "size" bytes per message and "messages".
int sysvMqTypedSender(const WorkerContext& context);
int sysvMqTypedReceiver(const WorkerContext& context);

} // namespace ipclab
