#include "mechanisms/shm/shm_roles.h"

#include "mechanisms/shm/shm_makers.h"
#include "mechanisms/worker/payload.h"

#include <span>
#include <string>
#include <unistd.h>

namespace ipclab {

namespace {

struct Layout {
    std::size_t page;
    std::int64_t dataPages;
    std::size_t length() const { return page * static_cast<std::size_t>(dataPages + 1); }
};

Layout layoutOf(const WorkerContext& context) {
    return Layout{static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)), context.param("pages")};
}

RegionHeader* headerOf(const SharedRegion& region) {
    return reinterpret_cast<RegionHeader*>(region.base);
}

std::span<std::uint8_t> dataPage(const SharedRegion& region, const Layout& layout, std::int64_t index) {
    return {region.base + layout.page * static_cast<std::size_t>(index + 1), layout.page};
}

std::uint64_t pageSeed(std::int64_t index) {
    return 5000 + static_cast<std::uint64_t>(index);
}

void writePages(const SharedRegion& region, const Layout& layout, std::int64_t delayMs) {
    for (std::int64_t i = 0; i < layout.dataPages; ++i) {
        fillPayload(dataPage(region, layout, i), pageSeed(i)); // the first touch: the kernel finds a frame
        spinFor(delayMs);
    }
    headerOf(region)->written.store(1, std::memory_order_release);
}

std::int64_t checkPages(const SharedRegion& region, const Layout& layout) {
    std::int64_t good = 0;
    for (std::int64_t i = 0; i < layout.dataPages; ++i) {
        good += checkPayload(dataPage(region, layout, i), pageSeed(i)) ? 1 : 0;
    }
    return good;
}

/// Setup, the same for every role: make or find the object, map it, tell the session where.
SharedRegion setUp(const WorkerContext& context, const RegionMaker& maker, const Layout& layout, bool create) {
    context.enterPhase(Phase::Setup);
    SharedRegion region = create ? maker.create(context, layout.length()) : maker.open(context, layout.length());
    context.announceMapping(region.base, region.length, layout.page, region.label);
    context.enterPhase(Phase::Transfer);
    return region;
}

} // namespace

int runSharedWriter(const WorkerContext& context, const RegionMaker& maker) {
    const Layout layout = layoutOf(context);
    const SharedRegion region = setUp(context, maker, layout, true);
    writePages(region, layout, context.param("page_delay_ms"));
    spinUntilSet(headerOf(region)->read); // both stay mapped until the reader is done
    context.enterPhase(Phase::Teardown);
    region.detach();
    region.remove();
    context.report(true, std::to_string(layout.dataPages) + " pages written through " + region.label +
                             ", with no system call while writing");
    return 0;
}

int runSharedReader(const WorkerContext& context, const RegionMaker& maker) {
    const Layout layout = layoutOf(context);
    const SharedRegion region = setUp(context, maker, layout, false);
    spinUntilSet(headerOf(region)->written);
    const std::int64_t good = checkPages(region, layout);
    headerOf(region)->read.store(1, std::memory_order_release);
    context.enterPhase(Phase::Teardown);
    region.detach();
    const bool ok = good == layout.dataPages;
    context.report(ok, std::to_string(good) + " of " + std::to_string(layout.dataPages) +
                           " pages read intact, straight from the shared frames");
    return ok ? 0 : 1;
}

int runPersistentWriter(const WorkerContext& context, const RegionMaker& maker) {
    const Layout layout = layoutOf(context);
    const SharedRegion region = setUp(context, maker, layout, true);
    writePages(region, layout, context.param("page_delay_ms"));
    context.enterPhase(Phase::Teardown);
    region.detach(); // and no removal: the object outlives this process, like a file
    context.report(true, std::to_string(layout.dataPages) + " pages written; detached and exiting without removing " +
                             region.label);
    return 0;
}

int runLateReader(const WorkerContext& context, const RegionMaker& maker) {
    const Layout layout = layoutOf(context);
    const SharedRegion region = setUp(context, maker, layout, false);
    const bool written = headerOf(region)->written.load(std::memory_order_acquire) != 0;
    const std::int64_t good = written ? checkPages(region, layout) : 0;
    context.enterPhase(Phase::Teardown);
    region.detach();
    region.remove();
    const bool ok = good == layout.dataPages;
    context.report(ok, std::to_string(good) + " of " + std::to_string(layout.dataPages) +
                           " pages read intact after their writer had exited; then removed " + region.label);
    return ok ? 0 : 1;
}

int sysvShmWriter(const WorkerContext& context) {
    return runSharedWriter(context, sysvShmMaker());
}
int sysvShmReader(const WorkerContext& context) {
    return runSharedReader(context, sysvShmMaker());
}
int sysvShmPersistentWriter(const WorkerContext& context) {
    return runPersistentWriter(context, sysvShmMaker());
}
int sysvShmLateReader(const WorkerContext& context) {
    return runLateReader(context, sysvShmMaker());
}
int posixShmWriter(const WorkerContext& context) {
    return runSharedWriter(context, posixShmMaker());
}
int posixShmReader(const WorkerContext& context) {
    return runSharedReader(context, posixShmMaker());
}
int mappedFileWriter(const WorkerContext& context) {
    return runSharedWriter(context, mappedFileMaker());
}
int mappedFileReader(const WorkerContext& context) {
    return runSharedReader(context, mappedFileMaker());
}

} // namespace ipclab
