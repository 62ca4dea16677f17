#pragma once

#include "events/measurement.h"

#include <atomic>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace ipclab {

/// Lesson §5: on one machine the kernel skips most of the network stack for TCP, but not all of
/// it. Runs the same request/response untraced over a Unix stream socket and over TCP on
/// loopback, `rounds` timed round trips of `size` bytes each, for each CPU placement this
/// machine allows (unpinned; both processes on one CPU; on two CPUs), and returns the median
/// round trip of each, unix and TCP side by side. A pairing that fails is left out. Blocking.
std::vector<Measurement> compareLoopbackLatency(std::int64_t size, std::int64_t rounds,
                                                const std::filesystem::path& workerPath, const std::atomic<bool>& stop);

} // namespace ipclab
