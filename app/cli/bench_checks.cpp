#include "bench_checks.h"

#include "bench/cell_runner.h"
#include "cli_messages.h"
#include "common/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab::cli {

namespace {

using namespace ipclab::bench;

constexpr int kAccuracyRuns = 5;
constexpr std::uint64_t kAccuracySize = 64;

std::filesystem::path referencePath() {
    if (const char* env = std::getenv("IPCLAB_REFERENCE"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return (ec ? std::filesystem::path(".") : self.parent_path()) / "ipclab-reference-pingpong";
}

/// Runs the reference program with `args` and returns its "name value" lines; nullopt when it
/// could not start or failed.
std::optional<std::map<std::string, double>> runReference(const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    const std::string program = referencePath().string();
    std::vector<std::string> all{program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : all) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int err = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string output;
    char buffer[256];
    for (ssize_t n; err == 0 && (n = ::read(fds[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            break;
        }
        output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    if (err != 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return std::nullopt;
    }
    std::map<std::string, double> values;
    std::istringstream lines(output);
    std::string name;
    double value = 0;
    while (lines >> name >> value) {
        values[name] = value;
    }
    return values;
}

double medianOf(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Comparison {
    std::string mechanism;
    std::vector<double> engine;
    std::vector<double> reference;
};

void printComparisons(const std::vector<Comparison>& comparisons, const CpuPair& cpus, int rounds,
                      OutputFormat format) {
    nlohmann::json rows = nlohmann::json::array();
    for (const Comparison& c : comparisons) {
        const double engine = medianOf(c.engine);
        const double reference = medianOf(c.reference);
        const double ratio = engine / reference;
        rows.push_back({{"mechanism", c.mechanism},
                        {"size", kAccuracySize},
                        {"engine_median_ns", engine},
                        {"reference_median_ns", reference},
                        {"ratio", ratio},
                        {"within_target", ratio >= 0.85 && ratio <= 1.15},
                        {"runs", c.engine.size()},
                        {"round_trips_per_run", rounds},
                        {"cpus", cpus.text}});
    }
    if (format == OutputFormat::Json) {
        std::cout << nlohmann::json{{"accuracy", rows}}.dump(2) << std::endl;
        return;
    }
    if (format == OutputFormat::Csv) {
        std::cout << "mechanism,size_bytes,engine_median_ns,reference_median_ns,ratio,within_target,cpus\n";
    }
    for (const auto& row : rows) {
        char line[256];
        const char* pattern = format == OutputFormat::Csv ? "%s,%d,%.0f,%.0f,%.3f,%s,\"%s\"\n"
                                                          : "%-12s %d B round trip: engine %.0f ns, reference %.0f "
                                                            "ns, ratio %.3f (%s the 0.85-1.15 target) [%s]\n";
        std::snprintf(line, sizeof line, pattern, row["mechanism"].get<std::string>().c_str(),
                      static_cast<int>(kAccuracySize), row["engine_median_ns"].get<double>(),
                      row["reference_median_ns"].get<double>(), row["ratio"].get<double>(),
                      format == OutputFormat::Csv ? (row["within_target"].get<bool>() ? "yes" : "no")
                                                  : (row["within_target"].get<bool>() ? "within" : "OUTSIDE"),
                      cpus.text.c_str());
        std::cout << line;
    }
}

} // namespace

int runAccuracyCheck(const BenchSpec& spec, OutputFormat format, const std::atomic<bool>& cancel) {
    const CpuPair cpus = cpusFor(spec.placement);
    const int rounds = spec.samples > 0 ? spec.samples : 2000;
    std::vector<Comparison> comparisons{{"pipe", {}, {}}, {"unix-socket", {}, {}}};
    for (int run = 0; run < kAccuracyRuns; ++run) {
        for (Comparison& c : comparisons) {
            if (cancel.load()) {
                return 1;
            }
            BenchCell cell;
            cell.mechanism = c.mechanism;
            cell.size = kAccuracySize;
            cell.placement = spec.placement;
            runCell(cell, CellSettings{rounds, std::max(1, rounds / 10), spec.hybridThreshold, spec.workerPath, cpus},
                    cancel);
            const auto reference =
                runReference({c.mechanism == "pipe" ? "pipe" : "socketpair", std::to_string(kAccuracySize),
                              std::to_string(rounds), std::to_string(cpus.client), std::to_string(cpus.server)});
            if (!cell.measured() || !reference || !reference->contains("median_ns")) {
                printError("accuracy check: " + c.mechanism + " could not be measured: " +
                           (cell.measured() ? "the reference program " + referencePath().string() + " failed"
                                            : cell.limitNote));
                return 1;
            }
            c.engine.push_back(cell.medianNs);
            c.reference.push_back(reference->at("median_ns"));
        }
    }
    printComparisons(comparisons, cpus, rounds, format);
    return 0;
}

int runBaseline(const BenchSpec& spec, OutputFormat format, const std::atomic<bool>& cancel) {
    const CpuPair cpus = cpusFor(spec.placement);
    const std::string a = std::to_string(cpus.client);
    const std::string b = std::to_string(cpus.server);
    const std::string one = cpus.client < 0 ? std::string("unpinned") : "CPU " + a;
    struct Row {
        std::string what;
        std::vector<std::string> args;
        std::string key;
        std::string unit;
        std::string where;
    };
    const std::vector<Row> rows{
        {"cache-line round trip between two processes (shared memory, spinning)",
         {"cacheline", "20000", a, b},
         "median_ns",
         "ns",
         cpus.text},
        {"memcpy 4 KiB", {"memcpy", "4096", "2000", a}, "mib_per_s", "MiB/s", one},
        {"memcpy 64 MiB", {"memcpy", std::to_string(64 << 20), "10", a}, "mib_per_s", "MiB/s", one},
        {"null system call (getppid)", {"syscall", "2000", a}, "median_ns", "ns", one}};
    nlohmann::json out = nlohmann::json::array();
    for (const Row& row : rows) {
        if (cancel.load()) {
            return 1;
        }
        const auto values = runReference(row.args);
        if (!values || !values->contains(row.key)) {
            printError("baseline: " + row.what + " could not be measured: " + referencePath().string() + " failed");
            return 1;
        }
        out.push_back({{"what", row.what}, {"value", values->at(row.key)}, {"unit", row.unit}, {"cpus", row.where}});
    }
    if (format == OutputFormat::Json) {
        std::cout << nlohmann::json{{"baseline", out}}.dump(2) << std::endl;
        return 0;
    }
    if (format == OutputFormat::Csv) {
        std::cout << "what,value,unit,cpus\n";
    }
    for (const auto& row : out) {
        char line[256];
        std::snprintf(line, sizeof line,
                      format == OutputFormat::Csv ? "\"%s\",%.1f,%s,\"%s\"\n" : "%-72s %10.1f %-6s [%s]\n",
                      row["what"].get<std::string>().c_str(), row["value"].get<double>(),
                      row["unit"].get<std::string>().c_str(), row["cpus"].get<std::string>().c_str());
        std::cout << line;
    }
    return 0;
}

} // namespace ipclab::cli
