#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// What /proc/PID/pagemap says about one virtual page.
struct PageInfo {
    std::uint64_t address = 0; ///< the page's virtual address in that process
    bool present = false;      ///< backed by a frame in RAM now
    bool swapped = false;
    bool exclusivelyMapped = false;   ///< only this process maps the frame
    bool fileOrSharedAnon = false;    ///< file-backed or shared anonymous (shm, memfd)
    bool softDirty = false;           ///< written since the process's soft-dirty bits were last cleared
    std::optional<std::uint64_t> pfn; ///< the physical frame number, when the kernel tells it
};

/// The pages of one range of a process, and why PFNs are missing if they are.
struct PageMap {
    std::vector<PageInfo> pages;
    bool pfnsHidden = false;
    std::string hiddenReason; ///< set when pfnsHidden: what the kernel withheld, and why
};

/// Decodes one 64-bit pagemap entry (Documentation/admin-guide/mm/pagemap.rst). A present page
/// with a PFN field of 0 means the kernel hid it, not frame 0: `pfn` stays empty then.
PageInfo decodePagemapEntry(std::uint64_t address, std::uint64_t entry);

/// Reads the entries for [start, end) of process `pid`. nullopt when the file cannot be read
/// (the process is gone, or no permission), with the reason in `why`.
std::optional<PageMap> readPagemap(int pid, std::uint64_t start, std::uint64_t end, std::string* why = nullptr);

/// The page size the kernel uses for these maps.
std::uint64_t pageSize();

} // namespace ipclab
