#pragma once

#include "mechanisms/worker/worker_context.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <pthread.h>
#include <semaphore.h>
#include <string>

namespace ipclab {

/// The shared segment of the counter scenarios (§13–§15), cast to this struct by every worker:
/// the data and, beside it, the primitives that guard it. A pthread mutex or an unnamed
/// semaphore works between processes only because it lives here, in the shared pages (§14).
struct CounterSegment {
    std::atomic<std::uint32_t> arrived;  ///< workers mapped and ready: all start incrementing together
    std::atomic<std::uint32_t> finished; ///< workers done: the creator reads the result after the last
    volatile std::int64_t counter;       ///< incremented by a plain load, add, store: racy unless locked
    pthread_mutex_t mutex;               ///< PTHREAD_PROCESS_SHARED, for the mutex scenarios
    sem_t semaphore;                     ///< sem_init(pshared = 1), for the unnamed-semaphore scenario
};

/// How one worker guards the counter. The creator (the first worker) makes the primitive before
/// any other worker starts; the others open it. lock() and unlock() return the primitive's value
/// after the step when it has one (a semaphore's count), else -1. Methods may throw
/// std::runtime_error naming the call that failed.
class CounterLock {
public:
    virtual ~CounterLock() = default;
    /// "pthread mutex in the segment", "System V semaphore key 0x1b…": the sync timeline's object.
    virtual std::string object() const = 0;
    /// Where the primitive sits inside CounterSegment, when it lives there at all (a System V
    /// semaphore lives in the kernel, a named POSIX one in its own /dev/shm file).
    virtual std::optional<RegionField> fieldInSegment() const { return std::nullopt; }
    virtual void create(CounterSegment& segment, const WorkerContext& context) = 0;
    virtual void open(CounterSegment& segment, const WorkerContext& context) = 0;
    virtual std::int64_t lock() = 0;
    virtual std::int64_t unlock() = 0;
    /// Lets go of the primitive; the creator also destroys or removes it (after every worker is done).
    virtual void close(bool creator) = 0;
};

/// The fields every counter segment has, for the memory view: what lives at which offset.
inline std::vector<RegionField> counterSegmentFields() {
    return {{offsetof(CounterSegment, arrived), sizeof(CounterSegment::arrived), "arrived (workers ready)"},
            {offsetof(CounterSegment, finished), sizeof(CounterSegment::finished), "finished (workers done)"},
            {offsetof(CounterSegment, counter), sizeof(CounterSegment::counter), "counter"}};
}

} // namespace ipclab
