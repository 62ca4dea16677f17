#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

// POSIX message queue roles (lesson §5). The session creates the queues and passes their names
// (see posix_mq_protocol.h); each role opens them itself in its setup phase, so that mq_open
// shows in the trace, and closes them in its teardown.

/// Request/response over two queues (lesson §4): names "requests" and "responses"; parameters
/// "size" bytes per message and "round_trips".
int posixMqClient(const WorkerContext& context);
int posixMqServer(const WorkerContext& context);

/// Priorities: the sender queues "messages" messages of different priorities (and lengths) on the
/// "messages" queue, then one "all sent" message on the "control" queue. The receiver waits for
/// "all sent", then drains the queue and checks that it got the highest priority first, each
/// message whole. Parameters "size" (the longest message) and "messages".
int posixMqPrioritySender(const WorkerContext& context);
int posixMqPriorityReceiver(const WorkerContext& context);

} // namespace ipclab
