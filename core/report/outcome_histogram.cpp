#include "report/outcome_histogram.h"

#include <algorithm>

namespace ipclab {

OutcomeHistogram histogramOf(std::vector<std::int64_t> values, int maxBins) {
    OutcomeHistogram histogram;
    if (values.empty()) {
        return histogram;
    }
    std::sort(values.begin(), values.end());
    histogram.runs = static_cast<int>(values.size());
    histogram.least = values.front();
    histogram.most = values.back();
    histogram.median = values[(values.size() - 1) / 2];
    const auto firstLoss = std::upper_bound(values.begin(), values.end(), std::int64_t{0});
    const auto none = static_cast<int>(firstLoss - values.begin());
    histogram.runsWithLoss = histogram.runs - none;
    if (none > 0) {
        // "Nothing lost" is its own outcome: the race did not happen to bite in that run.
        histogram.bins.push_back(HistogramBin{values.front(), 0, none});
    }
    if (firstLoss == values.end()) {
        return histogram;
    }
    const std::int64_t low = *firstLoss;
    const std::int64_t span = values.back() - low + 1;
    const std::int64_t bins = std::clamp<std::int64_t>(std::min<std::int64_t>(maxBins, span), 1, 1000);
    const std::int64_t width = (span + bins - 1) / bins;
    const std::size_t first = histogram.bins.size();
    for (std::int64_t i = 0; i < bins && low + i * width <= values.back(); ++i) {
        histogram.bins.push_back(HistogramBin{low + i * width, low + (i + 1) * width - 1, 0});
    }
    for (auto it = firstLoss; it != values.end(); ++it) {
        const auto bin = static_cast<std::size_t>((*it - low) / width);
        ++histogram.bins[first + bin].count;
    }
    return histogram;
}

} // namespace ipclab
