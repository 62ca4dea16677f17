#include "bench/crossover.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace ipclab::bench {

std::vector<Crossover> findCrossovers(const std::string& nameA, const std::vector<SeriesPoint>& a,
                                      const std::string& nameB, const std::vector<SeriesPoint>& b, double tieRatio) {
    // Only sizes both series measured, with positive times (a log axis has no room for zero).
    std::map<double, std::pair<double, double>> common;
    std::map<double, double> timesA;
    for (const SeriesPoint& point : a) {
        if (point.size > 0 && point.timeNs > 0) {
            timesA[point.size] = point.timeNs;
        }
    }
    for (const SeriesPoint& point : b) {
        if (const auto it = timesA.find(point.size); it != timesA.end() && point.timeNs > 0) {
            common[point.size] = {it->second, point.timeNs};
        }
    }
    std::vector<Crossover> crossings;
    const std::pair<const double, std::pair<double, double>>* previous = nullptr;
    int previousSign = 0;
    for (const auto& entry : common) {
        // log(a) - log(b): negative where a is cheaper. Linear in log size between two points.
        const double difference = std::log(entry.second.first) - std::log(entry.second.second);
        const double band = std::log(std::max(tieRatio, 1.0));
        const int sign = difference < -band ? -1 : (difference > band ? 1 : 0);
        if (sign != 0 && previousSign != 0 && sign != previousSign && previous != nullptr) {
            const double before = std::log(previous->second.first) - std::log(previous->second.second);
            const double t = before / (before - difference);
            const double logSize = std::log(previous->first) + t * (std::log(entry.first) - std::log(previous->first));
            crossings.push_back(Crossover{sign < 0 ? nameA : nameB, sign < 0 ? nameB : nameA, std::exp(logSize),
                                          previous->first, entry.first});
        }
        if (sign != 0) {
            previous = &entry;
            previousSign = sign;
        }
    }
    return crossings;
}

std::vector<SeriesPoint> seriesOf(const BenchResult& result, const std::string& mechanism, BenchMode mode) {
    std::map<std::uint64_t, double> bySize;
    for (const BenchCell& cell : result.cells) {
        if (cell.mechanism == mechanism && cell.mode == mode && cell.measured()) {
            bySize[cell.size] = cell.medianNs;
        }
    }
    std::vector<SeriesPoint> series;
    for (const auto& [size, time] : bySize) {
        series.push_back(SeriesPoint{static_cast<double>(size), time});
    }
    return series;
}

std::vector<Crossover> findCrossovers(const BenchResult& result, const std::string& a, const std::string& b,
                                      BenchMode mode, double tieRatio) {
    return findCrossovers(a, seriesOf(result, a, mode), b, seriesOf(result, b, mode), tieRatio);
}

std::string sizeText(double bytes) {
    static const char* const units[] = {"B", "KiB", "MiB", "GiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 3) {
        bytes /= 1024.0;
        ++unit;
    }
    char text[32];
    if (std::fabs(bytes - std::round(bytes)) < 0.05) {
        std::snprintf(text, sizeof text, "%.0f %s", bytes, units[unit]);
    } else {
        std::snprintf(text, sizeof text, "%.1f %s", bytes, units[unit]);
    }
    return text;
}

std::string describe(const Crossover& crossover) {
    return crossover.cheaper + " becomes cheaper than " + crossover.costlier + " above about " +
           sizeText(crossover.size) + " (between " + sizeText(crossover.sizeBelow) + " and " +
           sizeText(crossover.sizeAbove) + ")";
}

} // namespace ipclab::bench
