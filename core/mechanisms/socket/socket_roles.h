#pragma once

#include "mechanisms/worker/duplex.h"
#include "mechanisms/worker/worker_context.h"

#include <memory>

namespace ipclab {

// How each side of a socket scenario opens its channel in its setup phase. Each throws
// std::runtime_error with a sentence saying which call failed.

/// Unix stream client: socket() and connect() to the name "path". Server: accept() on the
/// channel "listener" (which the session made, bound and put in listening state), then close()
/// of the listener: this server serves one client.
std::unique_ptr<Duplex> openUnixStreamClient(const WorkerContext& context);
std::unique_ptr<Duplex> openUnixStreamServer(const WorkerContext& context);

/// Unix datagram, either side: the channel "socket" is this side's socket, already bound to its
/// own path by the session; connect() to the name "peer" makes every write go there.
std::unique_ptr<Duplex> openUnixDatagram(const WorkerContext& context);

/// TCP over loopback. Client: socket(), TCP_NODELAY, connect() to 127.0.0.1 at the name "port".
/// Server: accept() on the channel "listener", close() it, TCP_NODELAY. Nagle's algorithm would
/// otherwise hold a small response back while it waits for an acknowledgement.
std::unique_ptr<Duplex> openTcpClient(const WorkerContext& context);
std::unique_ptr<Duplex> openTcpServer(const WorkerContext& context);

/// Request/response (lesson §4) over each socket kind: parameters "size" and "round_trips".
int unixStreamClient(const WorkerContext& context);
int unixStreamServer(const WorkerContext& context);
int unixDatagramClient(const WorkerContext& context);
int unixDatagramServer(const WorkerContext& context);
int tcpClient(const WorkerContext& context);
int tcpServer(const WorkerContext& context);

} // namespace ipclab
