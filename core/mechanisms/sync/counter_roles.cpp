#include "mechanisms/sync/counter_roles.h"

#include "mechanisms/shm/shared_region.h"
#include "mechanisms/shm/shm_makers.h"
#include "mechanisms/sync/counter_locks.h"
#include "mechanisms/sync/counter_outcome.h"

#include <new>
#include <string>
#include <unistd.h>

namespace ipclab {

namespace {

struct CounterRun {
    bool creator;
    std::int64_t processes;
    std::int64_t increments;
    std::int64_t announceEvery; ///< announce every k-th lock step; 0: none (no observer traffic in the loop)
};

CounterRun runOf(const WorkerContext& context) {
    return CounterRun{context.name("rank") == "1", context.param("processes"), context.param("increments"),
                      context.paramOr("announce_every", 0)};
}

void spinUntilAtLeast(const std::atomic<std::uint32_t>& value, std::int64_t target) {
    while (static_cast<std::int64_t>(value.load(std::memory_order_acquire)) < target) {
        // no system call while waiting: the kernel stays out of the picture
    }
}

void increment(CounterSegment& segment, CounterLock& lock, const CounterRun& run, const WorkerContext& context) {
    for (std::int64_t i = 1; i <= run.increments; ++i) {
        const bool announce = run.announceEvery > 0 && i % run.announceEvery == 0;
        if (announce) {
            context.announceSync(SyncEvent::Kind::Attempt, lock.object());
        }
        const std::int64_t held = lock.lock();
        if (announce) {
            context.announceSync(SyncEvent::Kind::Acquired, lock.object(), held);
        }
        // A load, an add and a store: another process may store in between, and its update is lost.
        segment.counter = segment.counter + 1;
        const std::int64_t freed = lock.unlock();
        if (announce) {
            context.announceSync(SyncEvent::Kind::Released, lock.object(), freed);
        }
    }
}

int runCounter(const WorkerContext& context, CounterLock& lock) {
    const CounterRun run = runOf(context);
    const RegionMaker maker = posixShmMaker();
    const auto length = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    context.enterPhase(Phase::Setup);
    const SharedRegion region = run.creator ? maker.create(context, length) : maker.open(context, length);
    auto* segment = reinterpret_cast<CounterSegment*>(region.base);
    if (run.creator) {
        segment = new (region.base) CounterSegment{}; // the pages are zero already; this makes it a struct
        lock.create(*segment, context);
    } else {
        lock.open(*segment, context);
    }
    std::vector<RegionField> fields = counterSegmentFields();
    if (const auto field = lock.fieldInSegment()) {
        fields.push_back(*field);
    }
    context.announceMapping(region.base, region.length, 0, region.label, std::move(fields));
    context.enterPhase(Phase::Transfer); // the others start now: the object and the lock exist
    segment->arrived.fetch_add(1, std::memory_order_acq_rel);
    spinUntilAtLeast(segment->arrived, run.processes); // all race from the same moment
    increment(*segment, lock, run, context);
    segment->finished.fetch_add(1, std::memory_order_acq_rel);
    context.enterPhase(Phase::Teardown);
    if (!run.creator) {
        lock.close(false);
        region.detach();
        context.report(true, std::to_string(run.increments) + " increments done through " + region.label);
        return 0;
    }
    spinUntilAtLeast(segment->finished, run.processes);
    const std::int64_t total = segment->counter;
    lock.close(true);
    region.detach();
    region.remove();
    context.report(true, counterReport(CounterOutcome{total, run.processes, run.increments}, lock.object()));
    return 0;
}

int runWith(const WorkerContext& context, std::unique_ptr<CounterLock> lock) {
    return runCounter(context, *lock);
}

} // namespace

int counterUnsynchronised(const WorkerContext& context) {
    return runWith(context, makeNoLock());
}
int counterSharedMutex(const WorkerContext& context) {
    return runWith(context, makeSharedMutexLock());
}
int counterSysvSem(const WorkerContext& context) {
    return runWith(context, makeSysvSemLock());
}
int counterNamedSem(const WorkerContext& context) {
    return runWith(context, makeNamedSemLock());
}
int counterUnnamedSem(const WorkerContext& context) {
    return runWith(context, makeUnnamedSemLock());
}

} // namespace ipclab
