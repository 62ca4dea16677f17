#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// One line of /proc/PID/maps: a range of a process's virtual addresses and what backs it.
struct Mapping {
    std::uint64_t start = 0;
    std::uint64_t end = 0; ///< one past the last byte
    std::string perms;     ///< "rw-s": the last letter says shared (s) or private (p)
    std::uint64_t offset = 0;
    std::string device; ///< "00:05"
    std::uint64_t inode = 0;
    std::string path; ///< "/dev/shm/x", "/SYSV1b0a0b0c (deleted)", "[heap]", or empty

    bool shared() const { return perms.size() == 4 && perms[3] == 's'; }
    std::uint64_t size() const { return end - start; }
};

/// Parses /proc/PID/maps text; lines that do not parse are skipped.
std::vector<Mapping> parseMaps(const std::string& text);

/// Reads /proc/PID/maps. nullopt when the process is gone or the kernel refuses (the reason is
/// set in `why`).
std::optional<std::vector<Mapping>> readMaps(int pid, std::string* why = nullptr);

/// The mapping that contains `address`, if any.
std::optional<Mapping> mappingAt(const std::vector<Mapping>& maps, std::uint64_t address);

} // namespace ipclab
