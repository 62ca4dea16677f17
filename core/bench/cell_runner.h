#pragma once

#include "bench/bench_engine.h"

#include <atomic>

namespace ipclab::bench {

/// Where the two workers of a cell run: a CPU number each, or -1 for the scheduler's choice.
struct CpuPair {
    int client = -1;
    int server = -1;
    std::string text; ///< "client CPU 0, server CPU 1", "both on CPU 0", "unpinned"
};

/// The CPUs for `placement` among those this process may use. Throws Error(BadUsage) when the
/// placement needs more CPUs than are allowed here (cross-CPU on one CPU).
CpuPair cpusFor(Placement placement);

/// What runCell() needs beyond the cell's coordinates.
struct CellSettings {
    int samples = 0;
    int warmUp = 0;
    std::uint64_t hybridThreshold = 0;
    std::filesystem::path workerPath;
    CpuPair cpus;
};

/// The note for a cell a kernel limit caps ("... exceeds kernel.msgmax = 8192"), or empty.
std::string kernelLimitNote(const std::string& mechanism, std::uint64_t size);

/// Messages per timed sample in throughput mode: enough that a sample moves about 1 MiB, at most 64.
int throughputBatch(std::uint64_t size);

/// Runs one cell with two fresh untraced workers and fills `cell`'s figures, or its limitNote
/// when a kernel limit caps it or the run failed (saying why). When `cancel` turns true the
/// workers are killed and the cell returns unmeasured. Every object is gone when this returns.
void runCell(BenchCell& cell, const CellSettings& settings, const std::atomic<bool>& cancel);

} // namespace ipclab::bench
