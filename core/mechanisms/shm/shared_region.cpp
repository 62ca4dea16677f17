#include "mechanisms/shm/shared_region.h"

#include "common/monotonic_clock.h"

namespace ipclab {

void spinUntilSet(const std::atomic<std::uint32_t>& flag) {
    while (flag.load(std::memory_order_acquire) == 0) {
        __builtin_ia32_pause();
    }
}

void spinFor(std::int64_t ms) {
    const std::int64_t until = monotonicNs() + ms * 1'000'000;
    while (monotonicNs() < until) {
        __builtin_ia32_pause();
    }
}

} // namespace ipclab
