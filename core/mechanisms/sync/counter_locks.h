#pragma once

#include "mechanisms/sync/counter_segment.h"

#include <memory>

namespace ipclab {

/// No lock at all: the lost-updates scenario (§13).
std::unique_ptr<CounterLock> makeNoLock();
/// A pthread mutex with PTHREAD_PROCESS_SHARED inside the segment (§14).
std::unique_ptr<CounterLock> makeSharedMutexLock();
/// A System V semaphore used as a binary lock: semget on the key of the file "sem_key_file"
/// (IPC_CREAT|IPC_EXCL, 0600), SETVAL 1, semop -1 / +1, IPC_RMID (§15).
std::unique_ptr<CounterLock> makeSysvSemLock();
/// A named POSIX semaphore "sem_name": sem_open(O_CREAT|O_EXCL, 0600, 1), sem_wait/sem_post,
/// sem_close, sem_unlink (§15).
std::unique_ptr<CounterLock> makeNamedSemLock();
/// An unnamed POSIX semaphore inside the segment: sem_init(pshared = 1, 1), sem_destroy (§15).
std::unique_ptr<CounterLock> makeUnnamedSemLock();

} // namespace ipclab
