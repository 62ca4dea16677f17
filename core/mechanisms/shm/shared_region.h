#pragma once

#include "mechanisms/worker/worker_context.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace ipclab {

/// A shared object mapped into this worker: System V segment, POSIX object, or mapped file.
struct SharedRegion {
    std::uint8_t* base = nullptr;
    std::size_t length = 0;
    std::string label;            ///< "System V segment key 0x1b0a0b0c, id 7"
    std::function<void()> detach; ///< shmdt, or munmap + close
    std::function<void()> remove; ///< IPC_RMID, shm_unlink, unlink
};

/// Makes the object and maps it (the creator), or maps an existing one (the others). Each
/// mechanism supplies the pair; may throw std::runtime_error saying which call failed.
struct RegionMaker {
    std::function<SharedRegion(const WorkerContext&, std::size_t length)> create;
    std::function<SharedRegion(const WorkerContext&, std::size_t length)> open;
};

/// Page 0 of every region: the two processes' whole protocol. The data pages follow.
struct RegionHeader {
    std::atomic<std::uint32_t> written; ///< the writer has filled every data page
    std::atomic<std::uint32_t> read;    ///< the reader has checked them all
};

/// Spins until `flag` is set, without a system call (the point of the lesson: after setup,
/// the kernel is out of the way). Proper sleeping synchronisation is the next lesson.
void spinUntilSet(const std::atomic<std::uint32_t>& flag);

/// Busy-waits `ms` milliseconds on the vDSO clock: pacing a writer without entering the kernel.
void spinFor(std::int64_t ms);

} // namespace ipclab
