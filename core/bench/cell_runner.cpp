#include "bench/cell_runner.h"

#include "bench/cell_objects.h"
#include "common/error.h"
#include "common/monotonic_clock.h"
#include "launch/child_process.h"
#include "launch/worker_channel.h"
#include "mechanisms/timing/bench_report.h"
#include "observe/kernel_limits.h"
#include "protocol/record.h"

#include <algorithm>
#include <cerrno>
#include <memory>
#include <poll.h>
#include <sched.h>

namespace ipclab::bench {

namespace {

constexpr int kStartTimeoutMs = 10'000;
/// A cell that runs longer than this is stuck (a bug, or a machine under heavy load): its
/// workers are killed and the cell says so rather than holding up the sweep.
constexpr std::int64_t kCellTimeoutNs = 120'000'000'000;

std::vector<int> allowedCpus() {
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    std::vector<int> cpus;
    if (::sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return cpus;
    }
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(static_cast<std::size_t>(cpu), &allowed)) {
            cpus.push_back(cpu);
        }
    }
    return cpus;
}

std::vector<std::string> argsFor(const char* role, const BenchCell& cell, const CellSettings& settings, int cpu,
                                 const WorkerHandout& handout, std::vector<std::pair<int, int>>& fds) {
    std::vector<std::string> args{"bench", role};
    auto param = [&](const char* name, std::int64_t value) {
        args.insert(args.end(), {"--param", std::string(name) + "=" + std::to_string(value)});
    };
    param("mode", static_cast<std::int64_t>(cell.mode));
    param("size", static_cast<std::int64_t>(cell.size));
    param("samples", settings.samples);
    param("warmup", settings.warmUp);
    param("batch", cell.mode == BenchMode::Throughput ? throughputBatch(cell.size) : 1);
    param("threshold", static_cast<std::int64_t>(settings.hybridThreshold));
    args.insert(args.end(), {"--name", "cpu=" + std::to_string(cpu)});
    for (const auto& [key, value] : handout.names) {
        args.insert(args.end(), {"--name", key + "=" + value});
    }
    int next = protocol::kControlFd + 1;
    for (const auto& [name, ours] : handout.fds) {
        fds.emplace_back(ours, next);
        args.insert(args.end(), {"--fd", name + "=" + std::to_string(next)});
        ++next;
    }
    return args;
}

/// The cell's two started workers (client first) and our ends of their control channels.
struct Workers {
    std::vector<std::unique_ptr<ChildProcess>> processes;
    std::vector<WorkerChannel> channels;
    std::vector<std::optional<protocol::WorkReport>> reports;
};

void spawn(Workers& workers, const char* role, const BenchCell& cell, const CellSettings& settings, int cpu,
           const WorkerHandout& handout) {
    SocketPair control = makeControlPair();
    SpawnSpec spec{settings.workerPath, {}, {{control.theirs.get(), protocol::kControlFd}}};
    spec.args = argsFor(role, cell, settings, cpu, handout, spec.fds);
    workers.processes.push_back(std::make_unique<ChildProcess>(spec));
    workers.channels.emplace_back(workers.processes.back()->pid(), std::move(control.ours));
    workers.reports.emplace_back();
}

/// Reads both control channels until both workers have exited, one failed, time ran out or
/// `cancel` turned true. Returns a note for the cell, empty when all went well.
std::string collect(Workers& workers, const std::atomic<bool>& cancel) {
    const std::int64_t deadline = monotonicNs() + kCellTimeoutNs;
    for (;;) {
        std::vector<pollfd> fds;
        for (std::size_t i = 0; i < workers.channels.size(); ++i) {
            if (workers.reports[i] && !workers.reports[i]->ok) {
                return std::string("not measured: the ") + (i == 0 ? "client" : "server") +
                       " failed: " + workers.reports[i]->text;
            }
            if (workers.channels[i].open()) {
                fds.push_back({workers.channels[i].fd(), POLLIN, 0});
            }
        }
        if (fds.empty()) {
            return workers.reports[0] ? std::string() : "not measured: the client ended without a report";
        }
        if (cancel.load()) {
            return "cancelled";
        }
        if (monotonicNs() > deadline) {
            return "not measured: timed out after 120 s; the workers were killed";
        }
        if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) {
            return "not measured: poll failed";
        }
        for (std::size_t i = 0; i < workers.channels.size(); ++i) {
            workers.channels[i].readAvailable([&workers, i](const protocol::Record& record) {
                if (auto report = protocol::parseReport(record)) {
                    workers.reports[i] = std::move(*report);
                }
            });
        }
    }
}

} // namespace

CpuPair cpusFor(Placement placement) {
    const std::vector<int> cpus = allowedCpus();
    if (placement == Placement::Unpinned) {
        return CpuPair{-1, -1, "unpinned"};
    }
    if (cpus.empty()) {
        throw Error(ErrorKind::BadUsage, "cannot pin workers: sched_getaffinity did not say which CPUs are allowed");
    }
    if (placement == Placement::SameCpu) {
        return CpuPair{cpus[0], cpus[0], "both on CPU " + std::to_string(cpus[0])};
    }
    if (cpus.size() < 2) {
        throw Error(ErrorKind::BadUsage,
                    "placement 'cross' needs two CPUs, but this process may use only CPU " + std::to_string(cpus[0]));
    }
    return CpuPair{cpus[0], cpus[1],
                   "client on CPU " + std::to_string(cpus[0]) + ", server on CPU " + std::to_string(cpus[1])};
}

int throughputBatch(std::uint64_t size) {
    return static_cast<int>(std::clamp<std::uint64_t>((1u << 20) / std::max<std::uint64_t>(size, 1), 1, 64));
}

std::string kernelLimitNote(const std::string& mechanism, std::uint64_t size) {
    const KernelLimits limits = KernelLimits::read();
    auto over = [size](const std::optional<std::int64_t>& limit) {
        return limit && size > static_cast<std::uint64_t>(*limit);
    };
    if (mechanism == "posix-mq" && over(limits.mqMsgsizeMax)) {
        return "capped: a POSIX message of " + std::to_string(size) +
               " bytes exceeds fs.mqueue.msgsize_max = " + std::to_string(*limits.mqMsgsizeMax);
    }
    if (mechanism == "sysv-mq" && over(limits.msgMax)) {
        return "capped: a System V message of " + std::to_string(size) +
               " bytes exceeds kernel.msgmax = " + std::to_string(*limits.msgMax);
    }
    if (mechanism == "sysv-mq" && over(limits.msgMnb)) {
        return "capped: a System V message of " + std::to_string(size) +
               " bytes does not fit a queue of kernel.msgmnb = " + std::to_string(*limits.msgMnb) + " bytes";
    }
    return {};
}

void runCell(BenchCell& cell, const CellSettings& settings, const std::atomic<bool>& cancel) {
    cell.cpus = settings.cpus.text;
    cell.limitNote = kernelLimitNote(cell.mechanism, cell.size);
    if (!cell.limitNote.empty()) {
        return;
    }
    try {
        CellObjects objects(cell.mechanism, cell.mode, cell.size);
        // Declared after the objects, so the workers are killed and reaped before anything is removed.
        Workers workers;
        spawn(workers, "client", cell, settings, settings.cpus.client, objects.client());
        spawn(workers, "server", cell, settings, settings.cpus.server, objects.server());
        objects.afterSpawn();
        if (awaitReady(workers.channels, kStartTimeoutMs, -1) != -1) {
            cell.limitNote = "not measured: a worker did not start";
            return;
        }
        for (WorkerChannel& channel : workers.channels) {
            channel.sendGo();
        }
        cell.limitNote = collect(workers, cancel);
        if (!cell.limitNote.empty()) {
            return;
        }
        const auto stats = parseBenchReport(workers.reports[0]->text);
        if (!stats || stats->samples <= 0) {
            cell.limitNote = "not measured: the client's report was not understood: " + workers.reports[0]->text;
            return;
        }
        cell.medianNs = stats->medianNs;
        cell.minNs = stats->minNs;
        cell.maxNs = stats->maxNs;
        cell.p10Ns = stats->p10Ns;
        cell.p90Ns = stats->p90Ns;
        cell.samples = stats->samples;
    } catch (const Error& error) {
        cell.limitNote =
            (error.kind() == ErrorKind::KernelLimit ? "capped: " : "not measured: ") + std::string(error.what());
    }
}

} // namespace ipclab::bench
