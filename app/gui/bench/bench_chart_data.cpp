#include "gui/bench/bench_chart_data.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>
#include <utility>

namespace ipclab {

namespace {

using bench::BenchCell;
using bench::BenchMode;

/// The cheapest mechanism of one family at each size: the family's line on the chart's terms.
using Envelope = std::map<std::uint64_t, std::pair<double, std::string>>;

enum class Family { MessagePassing, SharedMemory, Neither };

Family familyOf(const std::string& mechanism) {
    if (mechanism == "hybrid") {
        return Family::Neither; // both at once: it would cross whichever it follows
    }
    return bench::isSharedMemory(mechanism) ? Family::SharedMemory : Family::MessagePassing;
}

void addToEnvelope(Envelope& envelope, const ChartLine& line) {
    for (const BenchCell& cell : line.points) {
        auto [it, added] = envelope.try_emplace(cell.size, cell.medianNs, line.mechanism);
        if (!added && cell.medianNs < it->second.first) {
            it->second = {cell.medianNs, line.mechanism};
        }
    }
}

std::vector<bench::SeriesPoint> pointsOf(const Envelope& envelope) {
    std::vector<bench::SeriesPoint> points;
    for (const auto& [size, entry] : envelope) {
        points.push_back({static_cast<double>(size), entry.first});
    }
    return points;
}

/// The envelope's time at `size` between two of its sizes, on log-log axes as the chart draws it.
double timeAt(const Envelope& envelope, const bench::Crossover& crossing) {
    const double below = envelope.at(static_cast<std::uint64_t>(crossing.sizeBelow)).first;
    const double above = envelope.at(static_cast<std::uint64_t>(crossing.sizeAbove)).first;
    const double t = std::log(crossing.size / crossing.sizeBelow) / std::log(crossing.sizeAbove / crossing.sizeBelow);
    return std::exp(std::log(below) + t * (std::log(above) - std::log(below)));
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

} // namespace

bool ChartData::hasPoints() const {
    return std::any_of(lines.begin(), lines.end(), [](const ChartLine& line) { return !line.points.empty(); });
}

ChartData chartDataFor(const bench::BenchResult& result, BenchMode mode, bench::Placement placement) {
    ChartData data;
    data.mode = mode;
    data.placement = placement;
    for (const std::string& mechanism : bench::benchMechanisms()) {
        ChartLine line{mechanism, {}, {}};
        for (const BenchCell& cell : result.cells) {
            if (cell.mechanism != mechanism || cell.mode != mode || cell.placement != placement) {
                continue;
            }
            (cell.measured() && cell.medianNs > 0 ? line.points : line.capped).push_back(cell);
            if (data.cpus.empty() && cell.measured()) {
                data.cpus = cell.cpus;
            }
        }
        if (line.points.empty() && line.capped.empty()) {
            continue;
        }
        const auto bySize = [](const BenchCell& a, const BenchCell& b) { return a.size < b.size; };
        std::sort(line.points.begin(), line.points.end(), bySize);
        std::sort(line.capped.begin(), line.capped.end(), bySize);
        data.lines.push_back(std::move(line));
    }
    Envelope messages;
    Envelope shared;
    for (const ChartLine& line : data.lines) {
        const Family family = familyOf(line.mechanism);
        if (family != Family::Neither) {
            addToEnvelope(family == Family::SharedMemory ? shared : messages, line);
        }
    }
    for (const bench::Crossover& crossover : bench::findCrossovers(
             "message passing", pointsOf(messages), "shared memory", pointsOf(shared), bench::kJitterTieRatio)) {
        const bool sharedWins = crossover.cheaper == "shared memory";
        const Envelope& winner = sharedWins ? shared : messages;
        const Envelope& loser = sharedWins ? messages : shared;
        data.crossings.push_back(ChartCrossing{crossover, timeAt(winner, crossover),
                                               winner.at(static_cast<std::uint64_t>(crossover.sizeAbove)).second,
                                               loser.at(static_cast<std::uint64_t>(crossover.sizeBelow)).second});
    }
    return data;
}

std::string modeWords(BenchMode mode) {
    switch (mode) {
    case BenchMode::RoundTrip:
        return "round trips";
    case BenchMode::Throughput:
        return "one-way messages";
    case BenchMode::SetupTeardown:
        return "setups and teardowns";
    case BenchMode::OneTime:
        return "one-time transfers";
    }
    return "cells";
}

std::string placementWords(bench::Placement placement) {
    switch (placement) {
    case bench::Placement::SameCpu:
        return "same CPU";
    case bench::Placement::CrossCpu:
        return "two CPUs";
    case bench::Placement::Unpinned:
        return "unpinned";
    }
    return "unknown placement";
}

std::string crossingSentence(const ChartCrossing& crossing, BenchMode mode) {
    const bench::Crossover& c = crossing.crossover;
    return c.cheaper + " (" + crossing.cheaperBest + ") wins " + modeWords(mode) + " above about " +
           bench::sizeText(c.size) + " here; below that, " + c.costlier + " (" + crossing.costlierBest +
           ") is cheaper. Measured between " + bench::sizeText(c.sizeBelow) + " and " + bench::sizeText(c.sizeAbove) +
           ".";
}

std::string cappedSentence(const ChartLine& line) {
    if (line.capped.empty()) {
        return {};
    }
    const BenchCell& first = line.capped.front();
    std::string sizes = bench::sizeText(static_cast<double>(first.size));
    if (line.capped.size() > 1) {
        sizes += " to " + bench::sizeText(static_cast<double>(line.capped.back().size));
    }
    return line.mechanism + ": no figures at " + sizes + ": " + first.limitNote;
}

void mergeCells(bench::BenchResult& into, const bench::BenchResult& from) {
    using Key = std::tuple<std::string, std::uint64_t, BenchMode, bench::Placement>;
    std::map<Key, std::size_t> where;
    for (std::size_t i = 0; i < into.cells.size(); ++i) {
        const BenchCell& cell = into.cells[i];
        where[{cell.mechanism, cell.size, cell.mode, cell.placement}] = i;
    }
    bool hybrid = false;
    for (const BenchCell& cell : from.cells) {
        hybrid = hybrid || cell.mechanism == "hybrid";
        const auto it = where.find({cell.mechanism, cell.size, cell.mode, cell.placement});
        if (it != where.end()) {
            into.cells[it->second] = cell;
        } else {
            where[{cell.mechanism, cell.size, cell.mode, cell.placement}] = into.cells.size();
            into.cells.push_back(cell);
        }
    }
    if (hybrid) {
        into.spec.hybridThreshold = from.spec.hybridThreshold;
    }
    into.spec.placement = from.spec.placement;
    into.startedUnix = std::max(into.startedUnix, from.startedUnix);
}

std::string resultCsv(const bench::BenchResult& result) {
    std::ostringstream out;
    out << "mechanism,mode,size_bytes,placement,cpus,samples,median_ns,p10_ns,p90_ns,min_ns,max_ns,note\n";
    for (const BenchCell& cell : result.cells) {
        out << csvField(cell.mechanism) << ',' << bench::modeName(cell.mode) << ',' << cell.size << ','
            << bench::placementName(cell.placement) << ',' << csvField(cell.cpus) << ',' << cell.samples << ',';
        if (cell.measured()) {
            out << cell.medianNs << ',' << cell.p10Ns << ',' << cell.p90Ns << ',' << cell.minNs << ',' << cell.maxNs
                << ",\n";
        } else {
            out << ",,,,," << csvField(cell.limitNote) << '\n';
        }
    }
    return out.str();
}

} // namespace ipclab
