#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// A pipe as a byte stream (lesson §5): the writer writes "messages" messages of "size" bytes
/// and ends; the reader, started after it, makes one read big enough for all of them and
/// finds them run together: a stream keeps no message boundaries. Channels: "out" / "in".
int pipeStreamWriter(const WorkerContext& context);
int pipeStreamReader(const WorkerContext& context);

/// The pipe filling up: the flood writer writes "size" bytes in one call, more than the pipe
/// holds, so the kernel keeps it waiting until the slow reader, busy for "reader_delay_ms"
/// first, drains the pipe in reads of "chunk" bytes.
int pipeFloodWriter(const WorkerContext& context);
int pipeSlowReader(const WorkerContext& context);

} // namespace ipclab
