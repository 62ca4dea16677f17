#pragma once

#include "events/page_figures.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

/// The figures of the mapping that starts at `start`, from smaps text.
std::optional<SmapsFigures> parseSmapsFor(const std::string& text, std::uint64_t start);

/// Reads /proc/PID/smaps; nullopt when unreadable or no mapping starts at `start`.
std::optional<SmapsFigures> readSmapsFor(int pid, std::uint64_t start);

} // namespace ipclab
