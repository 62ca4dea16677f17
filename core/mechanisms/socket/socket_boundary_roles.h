#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// Message boundaries on a socket (lesson §5). The writer sends params "messages" messages of
/// "size" bytes, one send each, and closes; the session starts the reader only after that, and
/// the reader's every read has room for all the messages at once. A stream socket hands all the
/// bytes over in one read, run together; a datagram socket hands over one message per read.
///
/// Unix stream: the writer connects to the name "path"; the reader accepts on "listener".
int unixStreamBurstWriter(const WorkerContext& context);
int unixStreamSingleReader(const WorkerContext& context);

/// Unix datagram: both get their bound "socket"; the writer connects it to the name "peer".
int unixDatagramBurstWriter(const WorkerContext& context);
int unixDatagramSingleReader(const WorkerContext& context);

} // namespace ipclab
