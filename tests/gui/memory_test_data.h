#pragma once

#include "events/event.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab::test {

/// A mapping snapshot as the session would send it: pages at `start` one page apart; a PFN of
/// 0 means the page is not present. `privatePfn` backs the process's heap page.
MappingSnapshot mapping(int pid, std::uint64_t start, const std::vector<std::uint64_t>& pfns, std::uint64_t privatePfn);
/// The same, as the kernel answers an unprivileged reader: present pages, no frame numbers.
MappingSnapshot hiddenMapping(int pid, std::uint64_t start, const std::vector<bool>& present);
Event snapshotEvent(const MappingSnapshot& snapshot);

} // namespace ipclab::test
