#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

// Two processes around one POSIX shared-memory object "shm_name" that holds the data and the
// pthread primitives guarding it (§14). The first role of each pair creates the object.

/// Puts items 1..`items` one at a time into a one-slot buffer, waiting on a process-shared
/// condition variable while the slot is full and signalling it once filled.
int condvarProducer(const WorkerContext& context);
/// Takes the items out, waiting while the slot is empty; checks each came once and in order.
int condvarConsumer(const WorkerContext& context);

/// Locks a robust process-shared mutex, breaks the data's invariant halfway through an update,
/// and is killed (SIGKILL, raised by itself) while still holding the lock.
int robustDyingHolder(const WorkerContext& context);
/// Locks the same mutex, gets EOWNERDEAD, repairs the data, calls pthread_mutex_consistent.
int robustRecoverer(const WorkerContext& context);

} // namespace ipclab
