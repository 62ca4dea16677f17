#pragma once

#include "events/event.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ipclab {

/// The "mappings" of the run report: each process's mapping of the shared object, page by
/// page (virtual address, present, PFN or null with the reason, written by this process).
nlohmann::json mappingsJson(const std::vector<MappingSnapshot>& mappings, const std::map<int, std::string>& names);

/// How many pages the two snapshots have on the same frame; nullopt when frames are hidden.
std::optional<std::size_t> pagesOnSameFrames(const MappingSnapshot& a, const MappingSnapshot& b);

} // namespace ipclab
