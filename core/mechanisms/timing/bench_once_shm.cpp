#include "mechanisms/timing/bench_once_kinds.h"

#include "mechanisms/shm/shm_makers.h"
#include "mechanisms/timing/bench_link.h"
#include "mechanisms/timing/hybrid_transfer.h"

#include <cstring>
#include <stdexcept>

namespace ipclab {

namespace {

constexpr std::size_t kPage = 4096;

/// The once-objects' names under the keys the region makers read.
WorkerContext onceNames(const WorkerContext& context) {
    return WorkerContext({}, {},
                         {{"key_file", context.name("once_keyfile")},
                          {"shm_name", context.name("once_posix")},
                          {"path", context.name("once_path")}});
}

RegionMaker makerFor(const std::string& mechanism) {
    if (mechanism == "sysv-shm") {
        return sysvShmMaker();
    }
    return mechanism == "posix-shm" ? posixShmMaker() : mappedFileMaker();
}

/// Removes and detaches a region on every exit path.
class RegionGuard {
public:
    explicit RegionGuard(SharedRegion region, bool remove) : m_region(std::move(region)), m_remove(remove) {}
    ~RegionGuard() {
        m_region.detach();
        if (m_remove) {
            m_region.remove();
        }
    }
    RegionGuard(const RegionGuard&) = delete;
    RegionGuard& operator=(const RegionGuard&) = delete;
    std::uint8_t* data() const { return m_region.base; }

private:
    SharedRegion m_region;
    bool m_remove;
};

class ShmOnce : public BenchOnce {
public:
    ShmOnce(const WorkerContext& context, std::size_t size)
        : m_names(onceNames(context)), m_maker(makerFor(context.name("mechanism"))), m_size(size) {}

    void setupTeardown() override {
        const RegionGuard region(m_maker.create(m_names, m_size), true);
        // Touching one byte per page makes the kernel fault every page in: the mapping's real cost.
        for (std::size_t offset = 0; offset < m_size; offset += kPage) {
            region.data()[offset] = 1;
        }
    }

    void createAndSend(int ctl) override {
        const RegionGuard region(m_maker.create(m_names, m_size), true);
        std::memset(region.data(), 0x5a, m_size);
        requireCall(sendControl(ctl, 0), "sending go");
        requireCall(receiveControl(ctl).has_value(), "the peer's done message");
    }

    void openAndReceive(int ctl) override {
        requireCall(receiveControl(ctl).has_value(), "the creator's go message");
        {
            const RegionGuard region(m_maker.open(m_names, m_size), false);
            readAll(region.data(), m_size);
        }
        requireCall(sendControl(ctl, 1), "sending done");
    }

private:
    WorkerContext m_names;
    RegionMaker m_maker;
    std::size_t m_size;
};

} // namespace

std::unique_ptr<BenchOnce> makeShmOnce(const WorkerContext& context, std::size_t size) {
    return std::make_unique<ShmOnce>(context, size);
}

} // namespace ipclab
