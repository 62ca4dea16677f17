#include "bench_command.h"

#include "bench/bench_engine.h"
#include "bench/results_store.h"
#include "bench_checks.h"
#include "bench_output.h"
#include "cli_messages.h"
#include "common/error.h"
#include "session/session.h"
#include "stop_signals.h"

#include <CLI/CLI.hpp>

#include <cctype>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace ipclab::cli {

namespace {

using namespace ipclab::bench;

std::vector<BenchMode> modesFrom(const std::string& text) {
    if (text == "all") {
        return {BenchMode::RoundTrip, BenchMode::Throughput, BenchMode::SetupTeardown, BenchMode::OneTime};
    }
    if (const auto mode = modeFromName(text)) {
        return {*mode};
    }
    throw Error(ErrorKind::BadUsage, "--mode '" + text + "' is not one of: reused, throughput, setup, one-time, all");
}

Placement placementFrom(const std::string& text) {
    if (text.empty()) {
        return ::sysconf(_SC_NPROCESSORS_ONLN) > 1 ? Placement::CrossCpu : Placement::SameCpu;
    }
    if (const auto placement = placementFromName(text)) {
        return *placement;
    }
    throw Error(ErrorKind::BadUsage, "--placement '" + text + "' is not one of: same, cross, unpinned");
}

BenchSpec specFrom(const BenchOptions& options) {
    BenchSpec spec;
    if (!options.mechanisms.empty()) {
        spec.mechanisms = options.mechanisms;
    }
    if (!options.sizes.empty() && !options.maxSize.empty()) {
        throw Error(ErrorKind::BadUsage, "--sizes and --max-size exclude each other; give one");
    }
    if (!options.sizes.empty()) {
        spec.sizes.clear();
        for (const std::string& size : options.sizes) {
            spec.sizes.push_back(parseByteSize(size, "--sizes"));
        }
    } else if (!options.maxSize.empty()) {
        const std::uint64_t max = parseByteSize(options.maxSize, "--max-size");
        if (max < 64) {
            throw Error(ErrorKind::BadUsage, "--max-size " + options.maxSize + " is below the smallest size, 64 bytes");
        }
        spec.sizes = powerOfTwoSizes(64, max);
    }
    spec.modes = modesFrom(options.mode);
    spec.placement = placementFrom(options.placement);
    if (options.samples < 0) {
        throw Error(ErrorKind::BadUsage, "--samples must be at least 1");
    }
    spec.samples = options.samples;
    spec.hybridThreshold = parseByteSize(options.threshold, "--threshold");
    spec.workerPath = defaultWorkerPath();
    return spec;
}

/// "[ 12/840] pipe 4 KiB reused" on one line, rewritten in place; only on a terminal.
ProgressCallback terminalProgress() {
    if (::isatty(STDERR_FILENO) == 0) {
        return {};
    }
    return [](const BenchProgress& progress) {
        if (progress.index >= progress.total) {
            std::cerr << "\r\033[K" << std::flush;
            return;
        }
        std::cerr << "\r\033[K[" << progress.index + 1 << "/" << progress.total << "] " << progress.label << std::flush;
    };
}

} // namespace

std::uint64_t parseByteSize(const std::string& text, const std::string& what) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
        ++digits;
    }
    std::string unit = text.substr(digits);
    for (char& c : unit) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    int shift = -1;
    if (unit.empty() || unit == "B") {
        shift = 0;
    } else if (unit == "K" || unit == "KB" || unit == "KIB") {
        shift = 10;
    } else if (unit == "M" || unit == "MB" || unit == "MIB") {
        shift = 20;
    } else if (unit == "G" || unit == "GB" || unit == "GIB") {
        shift = 30;
    }
    if (digits == 0 || digits > 9 || shift < 0) {
        throw Error(ErrorKind::BadUsage, what + " '" + text + "' is not a size (e.g. 64, 4K, 1M)");
    }
    const std::uint64_t value = std::stoull(text.substr(0, digits)) << shift;
    if (value == 0 || value > (1ull << 30)) {
        throw Error(ErrorKind::BadUsage, what + " '" + text + "' is out of range (1 byte to 1G)");
    }
    return value;
}

CLI::App* addBenchCommand(CLI::App& app, BenchOptions& options) {
    CLI::App* bench = app.add_subcommand(
        "bench", "Measure message passing against shared memory on this machine, untraced (\"it depends\")");
    bench->add_option("--mechanisms", options.mechanisms, "Mechanisms to measure (default: all)")
        ->delimiter(',')
        ->type_name("A,B");
    auto* sizes =
        bench->add_option("--sizes", options.sizes, "Message sizes, e.g. 64,4K,1M")->delimiter(',')->type_name("LIST");
    bench->add_option("--max-size", options.maxSize, "Powers of two from 64 B up to this (default 64M)")
        ->type_name("BYTES")
        ->excludes(sizes);
    bench->add_option("--mode", options.mode, "reused, throughput, setup, one-time or all (default)");
    bench->add_option("--placement", options.placement,
                      "same (one CPU), cross (two CPUs; default when allowed) or unpinned");
    bench->add_option("--samples", options.samples, "Timed samples per cell (default: 200, fewer for big sizes)")
        ->check(CLI::Range(1, 1'000'000));
    bench->add_option("--threshold", options.threshold, "The hybrid's switch from copying to a memfd (default 64K)")
        ->type_name("BYTES");
    auto* csv = bench->add_flag("--csv", options.csv, "One CSV row per mechanism x size x mode");
    bench->add_flag("--json", options.json, "One JSON document")->excludes(csv);
    bench->add_flag("--accuracy", options.accuracy,
                    "Compare the engine's pipe and socket round trips with a plain C reference, interleaved");
    bench->add_flag("--baseline", options.baseline,
                    "Machine baseline: cache-line ping-pong, memcpy bandwidth, null system call");
    bench->add_flag("--save", options.save, "Keep the figures in the per-machine results file");
    return bench;
}

int runBenchCommand(const BenchOptions& options) {
    const BenchSpec spec = specFrom(options);
    const OutputFormat format = options.csv    ? OutputFormat::Csv
                                : options.json ? OutputFormat::Json
                                               : OutputFormat::Text;
    std::atomic<bool> cancel{false};
    int stopSignal = 0;
    BenchResult result;
    if (options.accuracy || options.baseline) {
        StopSignals stopSignals([&cancel] { cancel = true; });
        const int code = options.accuracy ? runAccuracyCheck(spec, format, cancel) : runBaseline(spec, format, cancel);
        stopSignal = stopSignals.receivedSignal();
        return stopSignal != 0 ? 1 : code;
    }
    {
        StopSignals stopSignals([&cancel] { cancel = true; });
        result = runBench(spec, terminalProgress(), cancel);
        stopSignal = stopSignals.receivedSignal();
    }
    printBenchResult(std::cout, result, format);
    if (options.save && !result.cells.empty()) {
        ResultsStore().save(MachineId::current(), result);
    }
    if (stopSignal != 0 || result.cancelled) {
        const char* name = stopSignal != 0 ? sigabbrev_np(stopSignal) : nullptr;
        printError(std::string("stopped by ") + (name != nullptr ? std::string("SIG") + name : "a signal") +
                   "; the workers were ended and their IPC objects removed; the cells above were measured");
        return 1;
    }
    return 0;
}

} // namespace ipclab::cli
