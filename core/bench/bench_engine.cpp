#include "bench/bench_engine.h"

#include "bench/cell_runner.h"
#include "bench/crossover.h"
#include "common/error.h"

#include <algorithm>
#include <array>
#include <ctime>

namespace ipclab::bench {

namespace {

constexpr std::array<std::pair<BenchMode, std::string_view>, 4> kModes{{{BenchMode::RoundTrip, "reused"},
                                                                        {BenchMode::Throughput, "throughput"},
                                                                        {BenchMode::SetupTeardown, "setup"},
                                                                        {BenchMode::OneTime, "one-time"}}};
constexpr std::array<std::pair<Placement, std::string_view>, 3> kPlacements{
    {{Placement::SameCpu, "same"}, {Placement::CrossCpu, "cross"}, {Placement::Unpinned, "unpinned"}}};

void validate(const BenchSpec& spec) {
    for (const std::string& mechanism : spec.mechanisms) {
        const auto& known = benchMechanisms();
        if (std::find(known.begin(), known.end(), mechanism) == known.end()) {
            std::string list;
            for (const auto& name : known) {
                list += (list.empty() ? "" : ", ") + name;
            }
            throw Error(ErrorKind::BadUsage, "unknown mechanism '" + mechanism + "'; the mechanisms are: " + list);
        }
    }
    if (spec.mechanisms.empty() || spec.sizes.empty() || spec.modes.empty()) {
        throw Error(ErrorKind::BadUsage, "nothing to measure: no mechanism, size or mode given");
    }
    for (const std::uint64_t size : spec.sizes) {
        if (size == 0 || size > (1ull << 30)) {
            throw Error(ErrorKind::BadParameter,
                        "message size " + std::to_string(size) + " is out of range (1 byte to 1 GiB)");
        }
    }
    if (spec.samples < 0 || spec.samples > 1'000'000) {
        throw Error(ErrorKind::BadParameter,
                    "samples " + std::to_string(spec.samples) + " is out of range (1 to 1000000)");
    }
    if (spec.hybridThreshold == 0) {
        throw Error(ErrorKind::BadParameter, "the hybrid's threshold must be at least 1 byte");
    }
}

} // namespace

std::string_view modeName(BenchMode mode) {
    for (const auto& [value, name] : kModes) {
        if (value == mode) {
            return name;
        }
    }
    return "?";
}

std::optional<BenchMode> modeFromName(std::string_view name) {
    for (const auto& [value, text] : kModes) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::string_view placementName(Placement placement) {
    for (const auto& [value, name] : kPlacements) {
        if (value == placement) {
            return name;
        }
    }
    return "?";
}

std::optional<Placement> placementFromName(std::string_view name) {
    for (const auto& [value, text] : kPlacements) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& benchMechanisms() {
    static const std::vector<std::string> names{"pipe", "fifo",     "posix-mq",  "sysv-mq",   "unix-socket",
                                                "tcp",  "sysv-shm", "posix-shm", "mmap-file", "hybrid"};
    return names;
}

bool isSharedMemory(std::string_view mechanism) {
    return mechanism == "sysv-shm" || mechanism == "posix-shm" || mechanism == "mmap-file";
}

std::vector<std::uint64_t> powerOfTwoSizes(std::uint64_t minSize, std::uint64_t maxSize) {
    std::vector<std::uint64_t> sizes;
    for (std::uint64_t size = std::max<std::uint64_t>(minSize, 1); size <= maxSize; size *= 2) {
        sizes.push_back(size);
    }
    return sizes;
}

int samplesFor(std::uint64_t size) {
    int samples = 200;
    for (std::uint64_t s = 64 * 1024; s < size && samples > 5; s *= 2) {
        samples /= 2;
    }
    return std::max(samples, 5);
}

std::string BenchCell::label() const {
    return mechanism + " " + sizeText(static_cast<double>(size)) + " " + std::string(modeName(mode));
}

BenchResult runBench(const BenchSpec& spec, const ProgressCallback& progress, const std::atomic<bool>& cancel) {
    validate(spec);
    const CpuPair cpus = cpusFor(spec.placement);
    BenchResult result;
    result.spec = spec;
    result.startedUnix = static_cast<std::int64_t>(std::time(nullptr));
    const std::size_t total = spec.mechanisms.size() * spec.modes.size() * spec.sizes.size();
    std::size_t index = 0;
    for (const std::string& mechanism : spec.mechanisms) {
        for (const BenchMode mode : spec.modes) {
            for (const std::uint64_t size : spec.sizes) {
                if (cancel.load()) {
                    result.cancelled = true;
                    return result;
                }
                BenchCell cell;
                cell.mechanism = mechanism;
                cell.size = size;
                cell.mode = mode;
                cell.placement = spec.placement;
                if (progress) {
                    progress(BenchProgress{index, total, cell.label()});
                }
                CellSettings settings{spec.samples > 0 ? spec.samples : samplesFor(size), 0, spec.hybridThreshold,
                                      spec.workerPath, cpus};
                settings.warmUp = spec.warmUp >= 0 ? spec.warmUp : std::max(1, settings.samples / 10);
                runCell(cell, settings, cancel);
                if (cell.limitNote == "cancelled") {
                    result.cancelled = true;
                    return result; // a cell cut short has no figures worth keeping
                }
                result.cells.push_back(std::move(cell));
                ++index;
            }
        }
    }
    if (progress) {
        progress(BenchProgress{total, total, {}});
    }
    return result;
}

} // namespace ipclab::bench
