#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the kernel's page tables and smaps say about a mapping, as plain values. They live on the
// ground floor because events carry them; observe's readers fill them.

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
    /// Since the run started: the first sample that found the page present in this process
    /// (to within the sampler's clock); empty while it never was, and outside a run.
    std::optional<std::int64_t> firstPresentNs;
};

/// The pages of one range of a process, and why PFNs are missing if they are.
struct PageMap {
    std::vector<PageInfo> pages;
    bool pfnsHidden = false;
    std::string hiddenReason; ///< set when pfnsHidden: what the kernel withheld, and why
};

/// The accounting /proc/PID/smaps gives for one mapping, in bytes. Readable without privilege,
/// it proves sharing where frame numbers are hidden: Shared_* counts pages another process maps
/// too, and Pss splits each shared page between its sharers.
struct SmapsFigures {
    std::uint64_t size = 0;
    std::uint64_t rss = 0;
    std::uint64_t pss = 0;
    std::uint64_t sharedClean = 0;
    std::uint64_t sharedDirty = 0;
    std::uint64_t privateClean = 0;
    std::uint64_t privateDirty = 0;

    std::uint64_t shared() const { return sharedClean + sharedDirty; }
};

} // namespace ipclab
