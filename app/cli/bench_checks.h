#pragma once

#include "bench/bench_engine.h"
#include "bench_output.h"

#include <atomic>

namespace ipclab::cli {

/// "Measuring the measurer": the engine's pipe and Unix-socket round trips of 64 bytes against
/// the plain C reference (ipclab-reference-pingpong, beside ipclab-cli), five interleaved runs
/// each with the placement of `spec`; prints both medians and their ratio (target 0.85-1.15).
/// Returns 0 when both were measured (whatever the ratio: it is a figure, not a test), 1 if not.
int runAccuracyCheck(const bench::BenchSpec& spec, OutputFormat format, const std::atomic<bool>& cancel);

/// The machine's own floor, from the reference program: a cache-line round trip between two
/// processes through shared memory (placement of `spec`), memcpy bandwidth (4 KiB and 64 MiB),
/// and one null system call (getppid). Returns 0, or 1 when something could not be measured.
int runBaseline(const bench::BenchSpec& spec, OutputFormat format, const std::atomic<bool>& cancel);

} // namespace ipclab::cli
