#include "session/mapping_sampler.h"

#include "common/monotonic_clock.h"
#include "observe/pagemap_reader.h"
#include "observe/proc_maps_reader.h"
#include "observe/smaps_reader.h"

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab {

namespace {

constexpr std::size_t kHeadBytes = 32;

/// A page's first bytes: 32, or as far as the last announced field in that page reaches, so that
/// the mutex inside a counter segment can be shown byte by byte (at most a few hundred bytes).
std::size_t headLength(const protocol::MappedRegion& region, std::uint64_t pageOffset) {
    constexpr std::uint64_t kMaxHeadBytes = 256;
    std::uint64_t length = kHeadBytes;
    for (const RegionField& field : region.fields) {
        const std::uint64_t end = std::uint64_t{field.offset} + field.length;
        if (field.offset >= pageOffset && end > pageOffset) {
            length = std::max(length, std::min(end - pageOffset, kMaxHeadBytes));
        }
    }
    return static_cast<std::size_t>(length);
}

std::vector<std::uint8_t> readHead(int pid, std::uint64_t address, std::size_t length) {
    std::vector<std::uint8_t> bytes(length);
    iovec local{bytes.data(), bytes.size()};
    iovec remote{reinterpret_cast<void*>(address), bytes.size()};
    const ssize_t got = ::process_vm_readv(pid, &local, 1, &remote, 1, 0);
    bytes.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return bytes;
}

bool samePages(const std::vector<PageInfo>& a, const std::vector<PageInfo>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PageInfo& x, const PageInfo& y) {
        return x.present == y.present && x.pfn == y.pfn && x.softDirty == y.softDirty;
    });
}

bool sameView(const MappingSnapshot& a, const MappingSnapshot& b) {
    return samePages(a.pages, b.pages) && a.heads == b.heads && a.minorFaults == b.minorFaults &&
           samePages(a.privatePages, b.privatePages) && a.smaps.has_value() == b.smaps.has_value() &&
           (!a.smaps || (a.smaps->rss == b.smaps->rss && a.smaps->pss == b.smaps->pss));
}

std::size_t presentCount(const MappingSnapshot& snapshot) {
    return static_cast<std::size_t>(
        std::count_if(snapshot.pages.begin(), snapshot.pages.end(), [](const PageInfo& p) { return p.present; }));
}

std::vector<PageInfo> heapPage(int pid, const std::vector<Mapping>& maps) {
    for (const Mapping& m : maps) {
        if (m.path == "[heap]") {
            if (auto page = readPagemap(pid, m.start, m.start + pageSize())) {
                return page->pages;
            }
        }
    }
    return {};
}

} // namespace

std::optional<std::uint64_t> minorFaults(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) {
        return std::nullopt;
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const auto close = line.rfind(')');
    if (close == std::string::npos) {
        return std::nullopt;
    }
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 10 && fields >> field; ++i) {
        if (i == 10) {
            return std::stoull(field);
        }
    }
    return std::nullopt;
}

void MappingSampler::start(std::int64_t originNs) {
    std::lock_guard lock(m_mutex);
    m_originNs = originNs;
}

void MappingSampler::watch(int pid, const protocol::MappedRegion& region) {
    std::lock_guard lock(m_mutex);
    Watch w;
    w.pid = pid;
    w.region = region;
    w.writesTracked = std::find(m_trackedPids.begin(), m_trackedPids.end(), pid) != m_trackedPids.end();
    m_watches.push_back(std::move(w));
}

namespace {

/// The child's side of the probe: async-signal-safe calls only (it runs in a fork of a
/// multithreaded process). Exit 0 when a written page shows soft-dirty after a clear.
[[noreturn]] void probeSoftDirtyInChild() {
    const long page = ::sysconf(_SC_PAGESIZE);
    auto* memory = static_cast<volatile char*>(
        ::mmap(nullptr, static_cast<std::size_t>(page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    const int clear = ::open("/proc/self/clear_refs", O_WRONLY);
    const int pagemap = ::open("/proc/self/pagemap", O_RDONLY);
    if (memory == MAP_FAILED || clear < 0 || pagemap < 0) {
        ::_exit(1);
    }
    memory[0] = 1;
    if (::write(clear, "4", 1) != 1) {
        ::_exit(1);
    }
    memory[0] = 2; // a write after the clear: the bit must come back
    std::uint64_t entry = 0;
    const auto offset =
        static_cast<off_t>(reinterpret_cast<std::uintptr_t>(memory) / static_cast<std::uintptr_t>(page) * sizeof entry);
    if (::pread(pagemap, &entry, sizeof entry, offset) != sizeof entry) {
        ::_exit(1);
    }
    ::_exit((entry >> 55 & 1) != 0 ? 0 : 1);
}

} // namespace

bool softDirtyWorks() {
    static const bool works = [] {
        const pid_t child = ::fork();
        if (child == 0) {
            probeSoftDirtyInChild();
        }
        int status = 0;
        return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }();
    return works;
}

void MappingSampler::mappingCreated(int pid) {
    if (!softDirtyWorks()) {
        return; // "written by" cannot be measured here: say nothing rather than guess
    }
    // "4" clears the soft-dirty bits of every page of the process (Documentation/admin-guide/
    // mm/soft-dirty.rst). Done while the process is stopped right after mapping, it costs no
    // extra fault for a page first touched later.
    std::ofstream clear("/proc/" + std::to_string(pid) + "/clear_refs");
    clear << "4";
    clear.flush();
    std::lock_guard lock(m_mutex);
    if (clear.good()) {
        m_trackedPids.push_back(pid);
    }
}

std::optional<MappingSnapshot> MappingSampler::take(const Watch& watch) {
    const auto maps = readMaps(watch.pid);
    if (!maps) {
        return std::nullopt;
    }
    const auto mapping = mappingAt(*maps, watch.region.start);
    if (!mapping) {
        return std::nullopt; // unmapped already: nothing to show for it any more
    }
    const auto pagemap = readPagemap(watch.pid, watch.region.start, watch.region.start + watch.region.length);
    if (!pagemap) {
        return std::nullopt;
    }
    MappingSnapshot s;
    s.pid = watch.pid;
    s.object = watch.region.label;
    s.start = watch.region.start;
    s.length = watch.region.length;
    s.inode = mapping->inode;
    s.offset = mapping->offset;
    s.pages = pagemap->pages;
    s.pfnsHidden = pagemap->pfnsHidden;
    s.hiddenReason = pagemap->hiddenReason;
    s.smaps = readSmapsFor(watch.pid, mapping->start);
    if (!s.smaps) {
        // Read while the process unmapped it (maps and pagemap before, smaps after): a torn
        // view, which must not stand for the process's last look at the object.
        return std::nullopt;
    }
    s.minorFaults = minorFaults(watch.pid).value_or(0);
    for (const PageInfo& page : s.pages) {
        s.heads.push_back(page.present ? readHead(watch.pid, page.address,
                                                  headLength(watch.region, page.address - watch.region.start))
                                       : std::vector<std::uint8_t>{});
    }
    s.privatePages = heapPage(watch.pid, *maps);
    s.dataOffset = watch.region.dataOffset;
    s.fields = watch.region.fields;
    s.writesTracked = watch.writesTracked;
    return s;
}

void MappingSampler::noteFirstPresent(Watch& watch, MappingSnapshot& snapshot, std::int64_t nowNs) const {
    watch.firstPresentNs.resize(snapshot.pages.size());
    for (std::size_t i = 0; i < snapshot.pages.size(); ++i) {
        if (snapshot.pages[i].present && !watch.firstPresentNs[i]) {
            watch.firstPresentNs[i] = nowNs - m_originNs;
        }
        snapshot.pages[i].firstPresentNs = watch.firstPresentNs[i];
    }
}

std::vector<MappingSnapshot> MappingSampler::sampleChanged() {
    std::lock_guard lock(m_mutex);
    const std::int64_t now = monotonicNs();
    std::vector<std::optional<MappingSnapshot>> taken;
    taken.reserve(m_watches.size());
    for (Watch& w : m_watches) {
        taken.push_back(take(w));
        if (taken.back()) {
            noteFirstPresent(w, *taken.back(), now);
        }
    }
    // The same object has the same inode in every process that maps it; counted at this one
    // moment, so a process that has already let go does not count.
    const auto mappedBy = [&](const MappingSnapshot& snapshot) {
        return static_cast<std::size_t>(std::count_if(taken.begin(), taken.end(), [&](const auto& other) {
            return other && other->inode == snapshot.inode && other->object == snapshot.object;
        }));
    };
    std::vector<MappingSnapshot> changed;
    for (std::size_t i = 0; i < m_watches.size(); ++i) {
        Watch& w = m_watches[i];
        auto& snapshot = taken[i];
        if (!snapshot) {
            continue;
        }
        const std::size_t sharers = mappedBy(*snapshot);
        if (!w.best || sharers > w.bestMappedBy ||
            (sharers == w.bestMappedBy && presentCount(*snapshot) >= presentCount(*w.best))) {
            w.best = snapshot;
            w.bestMappedBy = sharers;
        }
        if (w.last && sameView(*w.last, *snapshot)) {
            continue;
        }
        w.last = snapshot;
        changed.push_back(*snapshot);
    }
    return changed;
}

std::vector<MappingSnapshot> MappingSampler::best() const {
    std::lock_guard lock(m_mutex);
    std::vector<MappingSnapshot> all;
    for (const Watch& w : m_watches) {
        if (w.best) {
            all.push_back(*w.best);
        }
    }
    return all;
}

} // namespace ipclab
