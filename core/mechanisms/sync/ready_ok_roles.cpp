#include "mechanisms/sync/ready_ok_roles.h"

#include "mechanisms/shm/shared_region.h"
#include "mechanisms/shm/shm_makers.h"
#include "mechanisms/worker/payload.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mqueue.h>
#include <span>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace ipclab {

namespace {

struct ReadyOk {
    std::int64_t rounds;
    std::size_t page;
    std::int64_t pages;
    std::size_t length() const { return page * static_cast<std::size_t>(pages); }
};

ReadyOk readyOkOf(const WorkerContext& context) {
    return ReadyOk{context.param("rounds"), static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)), context.param("pages")};
}

mqd_t openQueue(const WorkerContext& context, const char* key, int flags) {
    const mqd_t queue = ::mq_open(context.name(key).c_str(), flags | O_CLOEXEC);
    if (queue == static_cast<mqd_t>(-1)) {
        throw std::runtime_error("mq_open(" + context.name(key) + "): " + std::strerror(errno));
    }
    return queue;
}

/// One notice: the round number, 8 bytes (the queues' message size).
void send(mqd_t queue, std::int64_t round) {
    if (::mq_send(queue, reinterpret_cast<const char*>(&round), sizeof round, 0) != 0) {
        throw std::runtime_error(std::string("mq_send: ") + std::strerror(errno));
    }
}

/// Blocks until the peer's notice arrives; announces the wait and the wake on the timeline.
std::int64_t receive(const WorkerContext& context, mqd_t queue, const std::string& object) {
    context.announceSync(SyncEvent::Kind::Waiting, object);
    std::int64_t round = 0;
    while (::mq_receive(queue, reinterpret_cast<char*>(&round), sizeof round, nullptr) < 0) {
        if (errno != EINTR) {
            throw std::runtime_error(std::string("mq_receive: ") + std::strerror(errno));
        }
    }
    context.announceSync(SyncEvent::Kind::Woken, object, round);
    return round;
}

std::span<std::uint8_t> page(const SharedRegion& region, const ReadyOk& run, std::int64_t index) {
    return {region.base + run.page * static_cast<std::size_t>(index), run.page};
}

std::uint64_t seedOf(std::int64_t round, std::int64_t index) {
    return 9000 + static_cast<std::uint64_t>(round * 1000 + index);
}

} // namespace

int readyOkWriter(const WorkerContext& context) {
    const ReadyOk run = readyOkOf(context);
    context.enterPhase(Phase::Setup);
    const SharedRegion region = posixShmMaker().create(context, run.length());
    const mqd_t ready = openQueue(context, "ready", O_WRONLY);
    const mqd_t ok = openQueue(context, "ok", O_RDONLY);
    context.announceMapping(region.base, region.length, 0, region.label);
    context.enterPhase(Phase::Transfer);
    std::int64_t confirmed = 0;
    for (std::int64_t round = 1; round <= run.rounds; ++round) {
        for (std::int64_t i = 0; i < run.pages; ++i) {
            fillPayload(page(region, run, i), seedOf(round, i)); // no system call: plain stores
        }
        send(ready, round); // "ready": the data is complete; do not touch it until "ok"
        context.announceSync(SyncEvent::Kind::Signalled, "queue: ready", round);
        confirmed += receive(context, ok, "queue: ok") == round ? 1 : 0;
    }
    context.enterPhase(Phase::Teardown);
    ::mq_close(ready);
    ::mq_close(ok);
    region.detach();
    region.remove();
    const bool good = confirmed == run.rounds;
    context.report(good, std::to_string(confirmed) + " of " + std::to_string(run.rounds) +
                             " rounds written and answered \"ok\" through " + region.label);
    return good ? 0 : 1;
}

int readyOkReader(const WorkerContext& context) {
    const ReadyOk run = readyOkOf(context);
    context.enterPhase(Phase::Setup);
    const SharedRegion region = posixShmMaker().open(context, run.length());
    const mqd_t ready = openQueue(context, "ready", O_RDONLY);
    const mqd_t ok = openQueue(context, "ok", O_WRONLY);
    context.announceMapping(region.base, region.length, 0, region.label);
    context.enterPhase(Phase::Transfer);
    std::int64_t intact = 0;
    for (std::int64_t round = 1; round <= run.rounds; ++round) {
        const std::int64_t announced = receive(context, ready, "queue: ready");
        bool pagesGood = announced == round;
        for (std::int64_t i = 0; i < run.pages; ++i) {
            pagesGood = pagesGood && checkPayload(page(region, run, i), seedOf(round, i));
        }
        intact += pagesGood ? 1 : 0;
        send(ok, round); // "ok": the writer may reuse the pages
        context.announceSync(SyncEvent::Kind::Signalled, "queue: ok", round);
    }
    context.enterPhase(Phase::Teardown);
    ::mq_close(ready);
    ::mq_close(ok);
    region.detach();
    const bool good = intact == run.rounds;
    context.report(good, std::to_string(intact) + " of " + std::to_string(run.rounds) +
                             " rounds read intact from shared memory after \"ready\", each answered \"ok\"");
    return good ? 0 : 1;
}

} // namespace ipclab
