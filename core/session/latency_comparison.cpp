#include "session/latency_comparison.h"

#include "mechanisms/timing/timed_exchange.h"
#include "session/session.h"

#include <optional>
#include <sched.h>
#include <string>

namespace ipclab {

namespace {

struct Placement {
    int clientCpu = -1;
    int serverCpu = -1;
    std::string text;
};

/// Unpinned, then one CPU, then two: the CPUs this process may use (a container may allow fewer
/// than the machine has).
std::vector<Placement> placements() {
    std::vector<Placement> result{{-1, -1, "unpinned"}};
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (::sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return result;
    }
    std::vector<int> cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE && cpus.size() < 2; ++cpu) {
        if (CPU_ISSET(static_cast<std::size_t>(cpu), &allowed)) {
            cpus.push_back(cpu);
        }
    }
    if (!cpus.empty()) {
        result.push_back({cpus[0], cpus[0], "both on CPU " + std::to_string(cpus[0])});
    }
    if (cpus.size() > 1) {
        result.push_back({cpus[0], cpus[1],
                          "client on CPU " + std::to_string(cpus[0]) + ", server on CPU " + std::to_string(cpus[1])});
    }
    return result;
}

Scenario timedScenario(const std::string& mechanism) {
    Scenario scenario;
    scenario.id = "latency-" + mechanism;
    scenario.title = "Timed round trips over " + mechanism;
    scenario.mechanism = mechanism;
    scenario.pattern = "timed-request-response";
    scenario.processes = {{"P1", "timed-client"}, {"P2", "timed-server"}};
    scenario.sourcePath = "(ipclab's built-in latency comparison)";
    return scenario;
}

/// The client's median in nanoseconds, or nullopt when the run failed.
std::optional<std::int64_t> timeOnce(const std::string& mechanism, const ParamValues& params,
                                     const std::filesystem::path& workerPath) {
    try {
        Session session(timedScenario(mechanism), params, SessionOptions{workerPath, false, nullptr});
        const RunResult result = session.run(nullptr);
        if (!result.succeeded) {
            return std::nullopt;
        }
        for (const ProcessOutcome& process : result.processes) {
            if (process.role == "timed-client") {
                return medianFromTimedReport(process.report);
            }
        }
    } catch (const std::exception&) {
        // Left out of the comparison: a figure is shown only when it was measured.
    }
    return std::nullopt;
}

} // namespace

std::vector<Measurement> compareLoopbackLatency(std::int64_t size, std::int64_t rounds,
                                                const std::filesystem::path& workerPath,
                                                const std::atomic<bool>& stop) {
    const std::string method =
        std::to_string(rounds) + " round trips of " + std::to_string(size) + " bytes each way, untraced, median";
    const std::pair<const char*, const char*> mechanisms[] = {{"unix-stream", "Unix stream socket"},
                                                              {"tcp", "TCP over loopback"}};
    std::vector<Measurement> measurements;
    for (const Placement& placement : placements()) {
        for (const auto& [mechanism, label] : mechanisms) {
            if (stop) {
                return measurements; // what was measured so far stands; the rest was not
            }
            const ParamValues params{{"size", size},
                                     {"round_trips", rounds},
                                     {"client_cpu", placement.clientCpu},
                                     {"server_cpu", placement.serverCpu}};
            if (const auto medianNs = timeOnce(mechanism, params, workerPath)) {
                measurements.push_back(Measurement{std::string("round trip, ") + label,
                                                   static_cast<double>(*medianNs) / 1000.0, "µs", placement.text,
                                                   method});
            }
        }
    }
    return measurements;
}

} // namespace ipclab
