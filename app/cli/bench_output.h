#pragma once

#include "bench/bench_engine.h"

#include <ostream>

namespace ipclab::cli {

enum class OutputFormat { Text, Csv, Json };

/// The CSV header: one row per mechanism x size x mode; the placement on every row. A capped or
/// failed cell has empty figures and says why in "note".
inline constexpr const char* kBenchCsvHeader =
    "mechanism,mode,size_bytes,placement,cpus,median_ns,p10_ns,p90_ns,min_ns,max_ns,samples,mib_per_s,note";

/// Prints a sweep: a table (text), CSV rows, or one JSON document {"machine", "result", "crossovers"}.
/// Text and JSON add where shared memory becomes cheaper than a pipe or a Unix socket.
void printBenchResult(std::ostream& out, const bench::BenchResult& result, OutputFormat format);

} // namespace ipclab::cli
