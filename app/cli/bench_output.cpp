#include "bench_output.h"

#include "bench/crossover.h"
#include "bench/results_store.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace ipclab::cli {

namespace {

using namespace ipclab::bench;

template <typename... Args> std::string format(const char* pattern, Args... args) {
    char text[512];
    std::snprintf(text, sizeof text, pattern, args...);
    return text;
}

/// Bandwidth only means something where a cell moves its size once per sample in one direction.
std::string mibPerSecond(const BenchCell& cell) {
    if (!cell.measured() || (cell.mode != BenchMode::Throughput && cell.mode != BenchMode::OneTime)) {
        return {};
    }
    return format("%.1f", static_cast<double>(cell.size) / (1024.0 * 1024.0) / (cell.medianNs / 1e9));
}

std::string csvQuoted(const std::string& text) {
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string timeText(double ns) {
    if (ns >= 1e6) {
        return format("%.2f ms", ns / 1e6);
    }
    return ns >= 1e3 ? format("%.2f µs", ns / 1e3) : format("%.0f ns", ns);
}

/// A crossing and the mode it was found in.
struct ModeCrossover {
    BenchMode mode;
    Crossover crossing;
    std::string text() const { return std::string(modeName(mode)) + ": " + describe(crossing); }
};

/// Where each shared-memory mechanism and a pipe or a Unix socket change places, per mode.
std::vector<ModeCrossover> interestingCrossovers(const BenchResult& result) {
    std::vector<ModeCrossover> all;
    for (const BenchMode mode : result.spec.modes) {
        for (const std::string& memory : result.spec.mechanisms) {
            if (!isSharedMemory(memory)) {
                continue;
            }
            for (const char* message : {"pipe", "unix-socket"}) {
                for (Crossover& crossing : findCrossovers(result, message, memory, mode, kJitterTieRatio)) {
                    all.push_back(ModeCrossover{mode, std::move(crossing)});
                }
            }
        }
    }
    return all;
}

void printCsv(std::ostream& out, const BenchResult& result) {
    out << kBenchCsvHeader << "\n";
    for (const BenchCell& cell : result.cells) {
        out << cell.mechanism << "," << modeName(cell.mode) << "," << cell.size << "," << placementName(cell.placement)
            << "," << csvQuoted(cell.cpus) << ",";
        if (cell.measured()) {
            out << format("%.1f,%.1f,%.1f,%.1f,%.1f,", cell.medianNs, cell.p10Ns, cell.p90Ns, cell.minNs, cell.maxNs);
        } else {
            out << ",,,,,";
        }
        out << cell.samples << "," << mibPerSecond(cell) << "," << csvQuoted(cell.limitNote) << "\n";
    }
}

void printText(std::ostream& out, const BenchResult& result) {
    out << format("%-12s %-10s %9s  %11s %11s %11s %7s %9s  %s\n", "mechanism", "mode", "size", "median", "p10", "p90",
                  "samples", "MiB/s", "placement");
    for (const BenchCell& cell : result.cells) {
        const std::string size = sizeText(static_cast<double>(cell.size));
        if (!cell.measured()) {
            out << format("%-12s %-10s %9s  %s  [%s]\n", cell.mechanism.c_str(),
                          std::string(modeName(cell.mode)).c_str(), size.c_str(), cell.limitNote.c_str(),
                          cell.cpus.c_str());
            continue;
        }
        out << format("%-12s %-10s %9s  %11s %11s %11s %7d %9s  %s\n", cell.mechanism.c_str(),
                      std::string(modeName(cell.mode)).c_str(), size.c_str(), timeText(cell.medianNs).c_str(),
                      timeText(cell.p10Ns).c_str(), timeText(cell.p90Ns).c_str(), cell.samples,
                      mibPerSecond(cell).c_str(), cell.cpus.c_str());
    }
    for (const ModeCrossover& crossing : interestingCrossovers(result)) {
        out << "crossover, " << crossing.text() << "\n";
    }
}

} // namespace

void printBenchResult(std::ostream& out, const BenchResult& result, OutputFormat format) {
    if (format == OutputFormat::Csv) {
        printCsv(out, result);
        return;
    }
    if (format == OutputFormat::Text) {
        printText(out, result);
        return;
    }
    const MachineId machine = MachineId::current();
    nlohmann::json crossings = nlohmann::json::array();
    for (const ModeCrossover& found : interestingCrossovers(result)) {
        const Crossover& crossing = found.crossing;
        crossings.push_back({{"mode", modeName(found.mode)},
                             {"cheaper_above", crossing.cheaper},
                             {"cheaper_below", crossing.costlier},
                             {"size_bytes", crossing.size},
                             {"between", {crossing.sizeBelow, crossing.sizeAbove}},
                             {"text", found.text()}});
    }
    const nlohmann::json document{
        {"machine", {{"hostname", machine.hostname}, {"cpu", machine.cpuModel}, {"kernel", machine.kernel}}},
        {"result", toJson(result)},
        {"crossovers", crossings}};
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
}

} // namespace ipclab::cli
