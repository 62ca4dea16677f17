#pragma once

#include "events/page_figures.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

/// Decodes one 64-bit pagemap entry (Documentation/admin-guide/mm/pagemap.rst). A present page
/// with a PFN field of 0 means the kernel hid it, not frame 0: `pfn` stays empty then.
PageInfo decodePagemapEntry(std::uint64_t address, std::uint64_t entry);

/// Reads the entries for [start, end) of process `pid`. nullopt when the file cannot be read
/// (the process is gone, or no permission), with the reason in `why`.
std::optional<PageMap> readPagemap(int pid, std::uint64_t start, std::uint64_t end, std::string* why = nullptr);

/// The page size the kernel uses for these maps.
std::uint64_t pageSize();

} // namespace ipclab
