#pragma once

#include "mechanisms/worker_context.h"

namespace ipclab {

// The shared-memory roles as ipclab-worker plays them, one per mechanism and side.
int sysvShmWriter(const WorkerContext& context);
int sysvShmReader(const WorkerContext& context);
int sysvShmPersistentWriter(const WorkerContext& context);
int sysvShmLateReader(const WorkerContext& context);
int posixShmWriter(const WorkerContext& context);
int posixShmReader(const WorkerContext& context);
int mappedFileWriter(const WorkerContext& context);
int mappedFileReader(const WorkerContext& context);

} // namespace ipclab
