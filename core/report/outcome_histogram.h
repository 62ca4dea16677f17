#pragma once

#include <cstdint>
#include <vector>

namespace ipclab {

/// Runs whose outcome fell in [low, high] (both inclusive).
struct HistogramBin {
    std::int64_t low = 0;
    std::int64_t high = 0;
    int count = 0;
};

/// How a series of runs came out: a "nothing lost" bin of its own (when any run lost nothing),
/// then up to `maxBins` bins of equal width over the losses seen.
struct OutcomeHistogram {
    std::vector<HistogramBin> bins;
    int runs = 0;
    int runsWithLoss = 0;
    std::int64_t least = 0;
    std::int64_t median = 0; ///< the lower median for an even count
    std::int64_t most = 0;
};

/// Pure. `values` need not be sorted; an empty series gives an empty histogram.
OutcomeHistogram histogramOf(std::vector<std::int64_t> values, int maxBins = 10);

} // namespace ipclab
