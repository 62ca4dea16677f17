#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

// The ready/ok protocol (§15): synchronising shared memory with a message queue where
// process-shared pthread primitives are not available. The data goes through a POSIX
// shared-memory object "shm_name"; only the two one-word notices go through the POSIX queues
// "ready" (writer -> reader) and "ok" (reader -> writer), which the session has created.

/// Creates the object; each round fills the data pages, sends "ready" and waits for "ok".
int readyOkWriter(const WorkerContext& context);
/// Each round waits for "ready", checks the pages, and answers "ok".
int readyOkReader(const WorkerContext& context);

} // namespace ipclab
