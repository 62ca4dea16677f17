#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// What a bench client measured in one cell, in nanoseconds per sample.
struct BenchStats {
    double medianNs = 0.0;
    double minNs = 0.0;
    double maxNs = 0.0;
    double p10Ns = 0.0;
    double p90Ns = 0.0;
    int samples = 0;
};

/// Median, extremes and the 10th/90th percentiles (nearest rank) of `samplesNs`, each divided by
/// `perSample` (messages per timed batch). Empty input gives samples = 0.
BenchStats statsOf(std::vector<std::int64_t> samplesNs, std::int64_t perSample = 1);

/// The bench client's report text and its parser: one place for the format (it travels in one
/// control record, so it stays far below the record size limit).
std::string benchReport(const BenchStats& stats);
std::optional<BenchStats> parseBenchReport(const std::string& text);

} // namespace ipclab
