#include "memory_test_data.h"

namespace ipclab::test {

namespace {
constexpr std::uint64_t kPage = 4096;
}

MappingSnapshot mapping(int pid, std::uint64_t start, const std::vector<std::uint64_t>& pfns,
                        std::uint64_t privatePfn) {
    MappingSnapshot snapshot;
    snapshot.pid = pid;
    snapshot.object = "System V segment key 0x1b0a0b0c, id 7";
    snapshot.start = start;
    snapshot.length = pfns.size() * kPage;
    snapshot.inode = 4242;
    snapshot.minorFaults = 100;
    snapshot.writesTracked = true;
    for (std::size_t i = 0; i < pfns.size(); ++i) {
        PageInfo page;
        page.address = start + i * kPage;
        page.present = pfns[i] != 0;
        if (page.present) {
            page.pfn = pfns[i];
        }
        snapshot.pages.push_back(page);
        snapshot.heads.push_back(page.present ? std::vector<std::uint8_t>{'p', 'a', 'g', 'e', 0}
                                              : std::vector<std::uint8_t>{});
    }
    PageInfo heap;
    heap.address = 0x5555'0000'0000 + static_cast<std::uint64_t>(pid) * kPage;
    heap.present = true;
    heap.exclusivelyMapped = true;
    heap.pfn = privatePfn;
    snapshot.privatePages.push_back(heap);
    snapshot.smaps = SmapsFigures{pfns.size() * kPage, 8192, 4096, 0, 8192, 0, 0};
    return snapshot;
}

MappingSnapshot hiddenMapping(int pid, std::uint64_t start, const std::vector<bool>& present) {
    std::vector<std::uint64_t> pfns;
    for (std::size_t i = 0; i < present.size(); ++i) {
        // Numbers a careless view might print: the kernel never sends them when it hides frames.
        pfns.push_back(present[i] ? 0xabcd00 + i : 0);
    }
    MappingSnapshot snapshot = mapping(pid, start, pfns, 0xfeed00);
    snapshot.pfnsHidden = true;
    snapshot.hiddenReason = "the kernel shows frame numbers only to CAP_SYS_ADMIN";
    return snapshot;
}

Event snapshotEvent(const MappingSnapshot& snapshot) {
    static std::uint64_t seq = 1'000'000;
    ++seq;
    return Event{seq, static_cast<std::int64_t>(seq), snapshot};
}

} // namespace ipclab::test
