#include "mechanisms/sync/condvar_robust_roles.h"

#include "mechanisms/shm/shared_region.h"
#include "mechanisms/shm/shm_makers.h"

#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <new>
#include <pthread.h>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

/// The one-slot buffer of the producer/consumer pair; `slot` and `full` are guarded by `mutex`.
struct HandoffSegment {
    pthread_mutex_t mutex;
    pthread_cond_t changed; ///< signalled when the slot is filled or emptied
    std::int64_t slot;
    std::int32_t full;
    std::atomic<std::uint32_t> consumerDone; ///< the producer removes the object only after this
};

/// Two accounts whose sum must stay 100; the dying holder moves 10 from one to the other.
struct RobustSegment {
    pthread_mutex_t mutex;
    std::int64_t from;
    std::int64_t to;
    std::atomic<std::uint32_t> holderLocked; ///< the recoverer tries only once the holder has the lock
    std::atomic<std::uint32_t> recovererWaiting;
};

std::vector<RegionField> handoffFields() {
    return {
        {offsetof(HandoffSegment, mutex), sizeof(pthread_mutex_t), "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)"},
        {offsetof(HandoffSegment, changed), sizeof(pthread_cond_t),
         "condition variable (pthread_cond_t, PTHREAD_PROCESS_SHARED)"},
        {offsetof(HandoffSegment, slot), sizeof(HandoffSegment::slot), "slot (the item)"},
        {offsetof(HandoffSegment, full), sizeof(HandoffSegment::full), "full (1: an item waits)"}};
}

std::vector<RegionField> robustFields(bool robust) {
    return {{offsetof(RobustSegment, mutex), sizeof(pthread_mutex_t),
             robust ? "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED, robust)"
                    : "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED, not robust)"},
            {offsetof(RobustSegment, from), sizeof(RobustSegment::from), "account 'from'"},
            {offsetof(RobustSegment, to), sizeof(RobustSegment::to), "account 'to'"}};
}

constexpr const char* kMutexObject = "pthread mutex in the segment";
constexpr const char* kCondObject = "condition variable in the segment";

void check(int error, const char* call) {
    if (error != 0) {
        throw std::runtime_error(std::string(call) + ": " + std::strerror(error));
    }
}

SharedRegion mapSegment(const WorkerContext& context, bool create) {
    const RegionMaker maker = posixShmMaker();
    const auto length = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    context.enterPhase(Phase::Setup);
    SharedRegion region = create ? maker.create(context, length) : maker.open(context, length);
    return region;
}

void initSharedMutex(pthread_mutex_t* mutex, bool robust) {
    pthread_mutexattr_t attr;
    ::pthread_mutexattr_init(&attr);
    check(::pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), "pthread_mutexattr_setpshared");
    if (robust) { // the kernel releases it if the holder dies, and tells the next locker
        check(::pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST), "pthread_mutexattr_setrobust");
    }
    const int error = ::pthread_mutex_init(mutex, &attr);
    ::pthread_mutexattr_destroy(&attr);
    check(error, "pthread_mutex_init");
}

void initSharedCond(pthread_cond_t* cond) {
    pthread_condattr_t attr;
    ::pthread_condattr_init(&attr);
    check(::pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED), "pthread_condattr_setpshared");
    const int error = ::pthread_cond_init(cond, &attr);
    ::pthread_condattr_destroy(&attr);
    check(error, "pthread_cond_init");
}

bool announceItem(const WorkerContext& context, std::int64_t item) {
    const std::int64_t every = context.paramOr("announce_every", 1);
    return every > 0 && item % every == 0;
}

/// Waits on the condition until the slot is `full`; says so on the timeline when it had to.
void waitForSlot(const WorkerContext& context, HandoffSegment& s, std::int32_t full, bool announce) {
    while (s.full != full) {
        if (announce) {
            context.announceSync(SyncEvent::Kind::Waiting, kCondObject);
        }
        check(::pthread_cond_wait(&s.changed, &s.mutex), "pthread_cond_wait"); // unlocks while asleep
        if (announce) {
            context.announceSync(SyncEvent::Kind::Woken, kCondObject);
        }
    }
}

} // namespace

int condvarProducer(const WorkerContext& context) {
    const std::int64_t items = context.param("items");
    const SharedRegion region = mapSegment(context, true);
    auto* s = new (region.base) HandoffSegment{};
    initSharedMutex(&s->mutex, false);
    initSharedCond(&s->changed);
    context.announceMapping(region.base, region.length, 0, region.label, handoffFields());
    context.enterPhase(Phase::Transfer);
    for (std::int64_t item = 1; item <= items; ++item) {
        const bool announce = announceItem(context, item);
        check(::pthread_mutex_lock(&s->mutex), "pthread_mutex_lock");
        waitForSlot(context, *s, 0, announce);
        s->slot = item;
        s->full = 1;
        check(::pthread_cond_signal(&s->changed), "pthread_cond_signal"); // "data ready"
        if (announce) {
            context.announceSync(SyncEvent::Kind::Signalled, kCondObject, item);
        }
        ::pthread_mutex_unlock(&s->mutex);
    }
    spinUntilSet(s->consumerDone);
    context.enterPhase(Phase::Teardown);
    ::pthread_cond_destroy(&s->changed);
    ::pthread_mutex_destroy(&s->mutex);
    region.detach();
    region.remove();
    context.report(true, std::to_string(items) + " items put, one at a time, through " + region.label);
    return 0;
}

int condvarConsumer(const WorkerContext& context) {
    const std::int64_t items = context.param("items");
    const SharedRegion region = mapSegment(context, false);
    auto* s = reinterpret_cast<HandoffSegment*>(region.base);
    context.announceMapping(region.base, region.length, 0, region.label, handoffFields());
    context.enterPhase(Phase::Transfer);
    std::int64_t inOrder = 0;
    std::int64_t firstWrong = 0;
    for (std::int64_t expected = 1; expected <= items; ++expected) {
        const bool announce = announceItem(context, expected);
        check(::pthread_mutex_lock(&s->mutex), "pthread_mutex_lock");
        waitForSlot(context, *s, 1, announce);
        const std::int64_t item = s->slot;
        s->full = 0;
        check(::pthread_cond_signal(&s->changed), "pthread_cond_signal"); // "slot free"
        ::pthread_mutex_unlock(&s->mutex);
        inOrder += item == expected ? 1 : 0;
        firstWrong = firstWrong == 0 && item != expected ? expected : firstWrong;
    }
    s->consumerDone.store(1, std::memory_order_release);
    context.enterPhase(Phase::Teardown);
    region.detach();
    const bool ok = inOrder == items;
    context.report(ok, std::to_string(inOrder) + " of " + std::to_string(items) +
                           " items received exactly once, in order" +
                           (ok ? "" : "; the first wrong one was item " + std::to_string(firstWrong)));
    return ok ? 0 : 1;
}

int robustDyingHolder(const WorkerContext& context) {
    const SharedRegion region = mapSegment(context, true);
    auto* s = new (region.base) RobustSegment{};
    initSharedMutex(&s->mutex, context.paramOr("robust", 1) != 0);
    s->from = 100;
    context.announceMapping(region.base, region.length, 0, region.label,
                            robustFields(context.paramOr("robust", 1) != 0));
    context.enterPhase(Phase::Transfer);
    context.announceSync(SyncEvent::Kind::Attempt, kMutexObject);
    check(::pthread_mutex_lock(&s->mutex), "pthread_mutex_lock");
    context.announceSync(SyncEvent::Kind::Acquired, kMutexObject);
    s->from -= 10; // half of the update: 10 taken out, not yet put in; from + to is now 90
    s->holderLocked.store(1, std::memory_order_release);
    spinUntilSet(s->recovererWaiting);
    spinFor(context.paramOr("hold_ms", 200)); // long enough for the other to block on the lock
    ::raise(SIGKILL);                         // dies holding the lock, the update half done
    return 1;
}

int robustRecoverer(const WorkerContext& context) {
    const SharedRegion region = mapSegment(context, false);
    auto* s = reinterpret_cast<RobustSegment*>(region.base);
    context.announceMapping(region.base, region.length, 0, region.label,
                            robustFields(context.paramOr("robust", 1) != 0));
    context.enterPhase(Phase::Transfer);
    spinUntilSet(s->holderLocked);
    context.announceSync(SyncEvent::Kind::Attempt, kMutexObject);
    s->recovererWaiting.store(1, std::memory_order_release);
    const int locked = ::pthread_mutex_lock(&s->mutex);
    bool recovered = false;
    if (locked == EOWNERDEAD) {
        context.announceSync(SyncEvent::Kind::OwnerDied, kMutexObject, s->from + s->to);
        s->to = 100 - s->from; // finish the dead holder's update: the sum is 100 again
        check(::pthread_mutex_consistent(&s->mutex), "pthread_mutex_consistent");
        context.announceSync(SyncEvent::Kind::Recovered, kMutexObject, s->from + s->to);
        recovered = true;
    } else {
        check(locked, "pthread_mutex_lock");
    }
    const bool consistent = s->from + s->to == 100;
    ::pthread_mutex_unlock(&s->mutex);
    context.announceSync(SyncEvent::Kind::Released, kMutexObject);
    context.enterPhase(Phase::Teardown);
    ::pthread_mutex_destroy(&s->mutex);
    region.detach();
    region.remove(); // the creator is dead: the survivor removes the object
    const bool ok = recovered && consistent;
    context.report(ok, std::string(recovered ? "pthread_mutex_lock returned EOWNERDEAD: the holder died holding it; "
                                               "repaired the accounts (sum 100) and marked the mutex consistent"
                                             : "the lock came back without EOWNERDEAD") +
                           (consistent ? "" : "; the accounts do not add up"));
    return ok ? 0 : 1;
}

} // namespace ipclab
