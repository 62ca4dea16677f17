#pragma once

#include "mechanisms/shm/shared_region.h"

namespace ipclab {

/// System V (§10–§11): ftok of the file named "key_file" (or the parameter "key" when it is
/// not 0), shmget with IPC_CREAT|IPC_EXCL|0600 to create, shmat(NULL), shmdt, IPC_RMID.
RegionMaker sysvShmMaker();

/// POSIX (§12): shm_open of the name "shm_name" (O_CREAT|O_EXCL, 0600), ftruncate, mmap
/// MAP_SHARED; munmap and close to detach; shm_unlink to remove.
RegionMaker posixShmMaker();

/// A regular file at "path", opened (created exclusively, 0600) and mapped MAP_SHARED.
RegionMaker mappedFileMaker();

} // namespace ipclab
