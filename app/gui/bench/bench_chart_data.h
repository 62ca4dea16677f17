#pragma once

#include "bench/bench_engine.h"
#include "bench/crossover.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

/// One mechanism's line on the "it depends" chart: its measured cells, sizes ascending, and the
/// cells a kernel limit (or a failure) left without figures. Those are never points.
struct ChartLine {
    std::string mechanism;
    std::vector<bench::BenchCell> points; ///< measured cells only, sizes ascending
    std::vector<bench::BenchCell> capped; ///< cells without figures, sizes ascending; limitNote says why
};

/// Where the cheaper family changes between message passing and shared memory.
struct ChartCrossing {
    bench::Crossover crossover; ///< cheaper/costlier are "shared memory" or "message passing"
    double timeNs = 0.0;        ///< the family lines' time at the crossing (log-log interpolation)
    std::string cheaperBest;    ///< the winning family's best mechanism just above the crossing
    std::string costlierBest;   ///< the losing family's best mechanism just below it
};

/// Everything the chart shows for one mode and one CPU placement. Plain value, no Qt.
struct ChartData {
    bench::BenchMode mode = bench::BenchMode::RoundTrip;
    bench::Placement placement = bench::Placement::CrossCpu;
    std::string cpus;             ///< where the workers ran, from the cells ("client CPU 0, server CPU 1")
    std::vector<ChartLine> lines; ///< in benchMechanisms() order, only mechanisms with cells
    std::vector<ChartCrossing> crossings;

    bool hasPoints() const;
};

/// The lines and crossings of `result`'s cells in `mode` measured with `placement`. The hybrid
/// has its line but belongs to neither family when crossings are sought.
ChartData chartDataFor(const bench::BenchResult& result, bench::BenchMode mode, bench::Placement placement);

/// "one-time transfers", "round trips", "one-way messages", "setups and teardowns".
std::string modeWords(bench::BenchMode mode);
/// "same CPU", "two CPUs", "unpinned".
std::string placementWords(bench::Placement placement);
/// "shared memory (posix-shm) wins one-time transfers above about 256 KiB here; below that,
/// message passing (pipe) is cheaper."
std::string crossingSentence(const ChartCrossing& crossing, bench::BenchMode mode);
/// "posix-mq: no figures from 16 KiB: <why>"; empty when the line has no capped cell.
std::string cappedSentence(const ChartLine& line);

/// Puts `from`'s cells into `into`: a cell with the same mechanism, size, mode and placement is
/// replaced, others are added. The spec's threshold follows `from` when it has hybrid cells.
void mergeCells(bench::BenchResult& into, const bench::BenchResult& from);

/// `result` as CSV: a header, then one row per cell (figures empty and the note filled for a
/// cell without figures).
std::string resultCsv(const bench::BenchResult& result);

} // namespace ipclab
