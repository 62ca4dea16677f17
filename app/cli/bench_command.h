#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ipclab::cli {

struct BenchOptions {
    std::vector<std::string> mechanisms; ///< empty: all
    std::vector<std::string> sizes;      ///< "64", "4K", "1M", as typed
    std::string maxSize;                 ///< "64M"; empty: 64 MiB
    std::string mode = "all";
    std::string placement; ///< empty: cross when two CPUs are allowed, else same
    int samples = 0;       ///< 0: the engine's choice per size
    std::string threshold = "64K";
    bool csv = false;
    bool json = false;
    bool accuracy = false;
    bool baseline = false;
    bool save = false;
};

/// Declares `bench [--mechanisms a,b] [--sizes 64,4K,1M | --max-size 64M] [--mode M]
/// [--placement P] [--samples N] [--threshold BYTES] [--csv|--json] [--accuracy] [--baseline] [--save]`.
CLI::App* addBenchCommand(CLI::App& app, BenchOptions& options);

/// Runs the sweep (or the accuracy check, or the machine baseline) and prints it. Ctrl-C or
/// SIGTERM cancels: the running workers are killed, every object removed, what was measured so
/// far printed, exit 1. Throws Error(BadUsage/BadParameter) for bad arguments (exit 2).
int runBenchCommand(const BenchOptions& options);

/// "64" -> 64, "4K"/"4KiB" -> 4096, "1M" -> 1048576, "1G". Throws Error(BadUsage) naming `what`.
std::uint64_t parseByteSize(const std::string& text, const std::string& what);

} // namespace ipclab::cli
