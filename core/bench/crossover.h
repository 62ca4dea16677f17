#pragma once

#include "bench/bench_engine.h"

#include <string>
#include <vector>

namespace ipclab::bench {

/// One point of a series: median time at a size. Sizes ascending.
struct SeriesPoint {
    double size = 0.0;
    double timeNs = 0.0;
};

/// Where two series change order: between `sizeBelow` and `sizeAbove` (neighbouring sizes both
/// series were measured at), at `size`, interpolated on log-log axes (where the chart's straight
/// lines cross).
struct Crossover {
    std::string cheaper;  ///< the series that is cheaper above the crossing ("posix-shm")
    std::string costlier; ///< the one that was cheaper below it ("pipe")
    double size = 0.0;    ///< interpolated crossing size, bytes
    double sizeBelow = 0.0;
    double sizeAbove = 0.0;
};

/// Every size at which series `a` and `b` swap order, ascending. Pure function. Only sizes both
/// have are compared; points with a time <= 0 are ignored. Where the two times are within a
/// factor `tieRatio` of each other (1.0: only exactly equal) it is a tie, which changes no
/// order: measured medians jitter, and a tie band keeps that jitter from showing as crossings.
/// The tie band the CLI and the chart use: medians within 25% of each other are a tie. On a shared
/// machine a median of a few samples of a large transfer moves by that much from run to run, and
/// every such wobble would otherwise be shown as a crossing and its reversal.
inline constexpr double kJitterTieRatio = 1.25;

std::vector<Crossover> findCrossovers(const std::string& nameA, const std::vector<SeriesPoint>& a,
                                      const std::string& nameB, const std::vector<SeriesPoint>& b,
                                      double tieRatio = 1.0);

/// The series of `mechanism` in `mode` from a result's measured cells, sizes ascending.
std::vector<SeriesPoint> seriesOf(const BenchResult& result, const std::string& mechanism, BenchMode mode);

/// findCrossovers() for two mechanisms of one mode in a result.
std::vector<Crossover> findCrossovers(const BenchResult& result, const std::string& a, const std::string& b,
                                      BenchMode mode, double tieRatio = 1.0);

/// "posix-shm becomes cheaper than pipe above about 256 KiB (between 128 KiB and 256 KiB)".
std::string describe(const Crossover& crossover);

/// "64 B", "4 KiB", "1.5 MiB".
std::string sizeText(double bytes);

} // namespace ipclab::bench
