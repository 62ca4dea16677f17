#pragma once

#include "mechanisms/shm/shared_region.h"

namespace ipclab {

/// Two processes share pages (lesson §6, §10–§12). Parameters: "pages" (data pages),
/// "page_delay_ms" (the writer's pause per page, so demand paging can be watched).
/// The writer creates and maps the object in setup, fills the data pages in transfer, waits
/// for the reader, and detaches and removes the object in teardown. The reader maps it in
/// setup, checks every page in transfer, and detaches in teardown.
int runSharedWriter(const WorkerContext& context, const RegionMaker& maker);
int runSharedReader(const WorkerContext& context, const RegionMaker& maker);

/// Persistence (§10): the writer fills the object, detaches and exits WITHOUT removing it; a
/// reader started later maps it, checks the data, and removes it.
int runPersistentWriter(const WorkerContext& context, const RegionMaker& maker);
int runLateReader(const WorkerContext& context, const RegionMaker& maker);

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
