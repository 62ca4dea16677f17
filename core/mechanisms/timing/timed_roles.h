#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// The timed client and echo server (see timed_exchange.h) over a Unix stream socket and over
/// TCP on loopback, opened exactly as the request/response roles open them.
int unixStreamTimedClient(const WorkerContext& context);
int unixStreamTimedServer(const WorkerContext& context);
int tcpTimedClient(const WorkerContext& context);
int tcpTimedServer(const WorkerContext& context);

} // namespace ipclab
