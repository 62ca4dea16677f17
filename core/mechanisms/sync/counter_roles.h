#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

// The counter scenarios (§13–§15): N workers add 1 to a counter in one POSIX shared-memory
// object K times each, guarded by nothing, a process-shared mutex, or a semaphore. The first
// worker (name "rank" = "1") creates the object and the primitive, waits for the others to
// finish, reports the final value and the updates lost, and removes everything.
int counterUnsynchronised(const WorkerContext& context);
int counterSharedMutex(const WorkerContext& context);
int counterSysvSem(const WorkerContext& context);
int counterNamedSem(const WorkerContext& context);
int counterUnnamedSem(const WorkerContext& context);

} // namespace ipclab
