#include "observe/pagemap_reader.h"

#include "common/unique_fd.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ipclab {

namespace {

constexpr std::uint64_t kPfnMask = (1ULL << 55) - 1;
constexpr std::uint64_t kSoftDirty = 1ULL << 55;
constexpr std::uint64_t kExclusive = 1ULL << 56;
constexpr std::uint64_t kFileOrSharedAnon = 1ULL << 61;
constexpr std::uint64_t kSwapped = 1ULL << 62;
constexpr std::uint64_t kPresent = 1ULL << 63;

constexpr const char* kHiddenReason =
    "the kernel hides physical frame numbers from processes without CAP_SYS_ADMIN (since Linux 4.2, "
    "pagemap reports them as 0), so frames cannot be shown; sharing is still visible through the "
    "same file and offset in both processes' maps and through smaps";

} // namespace

std::uint64_t pageSize() {
    return static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

PageInfo decodePagemapEntry(std::uint64_t address, std::uint64_t entry) {
    PageInfo page;
    page.address = address;
    page.present = (entry & kPresent) != 0;
    page.swapped = (entry & kSwapped) != 0;
    page.exclusivelyMapped = (entry & kExclusive) != 0;
    page.fileOrSharedAnon = (entry & kFileOrSharedAnon) != 0;
    page.softDirty = (entry & kSoftDirty) != 0;
    const std::uint64_t pfn = entry & kPfnMask;
    if (page.present && !page.swapped && pfn != 0) {
        page.pfn = pfn;
    }
    return page;
}

std::optional<PageMap> readPagemap(int pid, std::uint64_t start, std::uint64_t end, std::string* why) {
    const std::string file = "/proc/" + std::to_string(pid) + "/pagemap";
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid()) {
        if (why != nullptr) {
            *why = "cannot read " + file + ": " + std::strerror(errno);
        }
        return std::nullopt;
    }
    const std::uint64_t page = pageSize();
    const std::uint64_t count = (end - start + page - 1) / page;
    std::vector<std::uint64_t> entries(count);
    const auto bytes = static_cast<std::size_t>(count * sizeof(std::uint64_t));
    const auto offset = static_cast<off_t>(start / page * sizeof(std::uint64_t));
    if (::pread(fd.get(), entries.data(), bytes, offset) != static_cast<ssize_t>(bytes)) {
        if (why != nullptr) {
            *why = "cannot read " + file + ": " + std::strerror(errno);
        }
        return std::nullopt;
    }
    PageMap map;
    bool anyPresent = false;
    bool anyPfn = false;
    for (std::uint64_t i = 0; i < count; ++i) {
        map.pages.push_back(decodePagemapEntry(start + i * page, entries[i]));
        anyPresent = anyPresent || (map.pages.back().present && !map.pages.back().swapped);
        anyPfn = anyPfn || map.pages.back().pfn.has_value();
    }
    // Present pages but not one frame number: the kernel withheld them all.
    if (anyPresent && !anyPfn) {
        map.pfnsHidden = true;
        map.hiddenReason = kHiddenReason;
    }
    return map;
}

} // namespace ipclab
