#include "mechanisms/timing/bench_report.h"

#include <algorithm>
#include <cstdio>

namespace ipclab {

namespace {

constexpr const char* kFormat = "bench n=%d median=%lf min=%lf max=%lf p10=%lf p90=%lf";

double at(const std::vector<std::int64_t>& sorted, double fraction) {
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
    return static_cast<double>(sorted[std::min(index, sorted.size() - 1)]);
}

} // namespace

BenchStats statsOf(std::vector<std::int64_t> samplesNs, std::int64_t perSample) {
    BenchStats stats;
    if (samplesNs.empty() || perSample <= 0) {
        return stats;
    }
    std::sort(samplesNs.begin(), samplesNs.end());
    const auto per = static_cast<double>(perSample);
    const std::size_t n = samplesNs.size();
    // An even count takes the mean of the two middle samples, the usual median.
    const double median =
        n % 2 == 1 ? static_cast<double>(samplesNs[n / 2])
                   : (static_cast<double>(samplesNs[n / 2 - 1]) + static_cast<double>(samplesNs[n / 2])) / 2.0;
    stats.medianNs = median / per;
    stats.minNs = static_cast<double>(samplesNs.front()) / per;
    stats.maxNs = static_cast<double>(samplesNs.back()) / per;
    stats.p10Ns = at(samplesNs, 0.1) / per;
    stats.p90Ns = at(samplesNs, 0.9) / per;
    stats.samples = static_cast<int>(n);
    return stats;
}

std::string benchReport(const BenchStats& stats) {
    char text[256];
    std::snprintf(text, sizeof text, "bench n=%d median=%.1f min=%.1f max=%.1f p10=%.1f p90=%.1f", stats.samples,
                  stats.medianNs, stats.minNs, stats.maxNs, stats.p10Ns, stats.p90Ns);
    return text;
}

std::optional<BenchStats> parseBenchReport(const std::string& text) {
    BenchStats stats;
    if (std::sscanf(text.c_str(), kFormat, &stats.samples, &stats.medianNs, &stats.minNs, &stats.maxNs, &stats.p10Ns,
                    &stats.p90Ns) != 6) {
        return std::nullopt;
    }
    return stats;
}

} // namespace ipclab
