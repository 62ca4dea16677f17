#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

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

/// The figures of the mapping that starts at `start`, from smaps text.
std::optional<SmapsFigures> parseSmapsFor(const std::string& text, std::uint64_t start);

/// Reads /proc/PID/smaps; nullopt when unreadable or no mapping starts at `start`.
std::optional<SmapsFigures> readSmapsFor(int pid, std::uint64_t start);

} // namespace ipclab
