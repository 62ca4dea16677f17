#pragma once

#include <cstdint>

namespace ipclab {

/// CLOCK_MONOTONIC in nanoseconds. Workers and the tracer use the same clock, so their
/// timestamps can be compared (vDSO: reading it is not a system call, so it never shows in a trace).
std::int64_t monotonicNs();

} // namespace ipclab
