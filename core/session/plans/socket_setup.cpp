#include "session/plans/socket_setup.h"

#include "common/error.h"

#include <cerrno>

namespace ipclab {

ProbeSlot emptyProbe() {
    return std::make_shared<WorkerFdProbe>();
}

GaugePlan workerFdGauge(std::string channel, std::uint64_t capacity, ProbeSlot slot, unsigned long request,
                        WorkerFdProbe::FdFilter filter) {
    return GaugePlan{
        std::move(channel), capacity, LevelUnit::Bytes,
        [slot = std::move(slot), request, filter = std::move(filter)] { return slot->level(request, filter); }};
}

PairedProcesses requirePair(const Scenario& scenario, std::initializer_list<RolePair> pairs) {
    std::string offered;
    for (const RolePair& pair : pairs) {
        offered += (offered.empty() ? "" : ", ") + std::string("'") + pair.first + "' with '" + pair.second + "'";
        if (scenario.processes.size() != 2) {
            continue;
        }
        for (std::size_t first = 0; first < 2; ++first) {
            if (scenario.processes[first].role == pair.first && scenario.processes[1 - first].role == pair.second) {
                return PairedProcesses{first, 1 - first, pair};
            }
        }
    }
    std::string found;
    for (const ProcessSpec& process : scenario.processes) {
        found += (found.empty() ? "" : ", ") + process.name + " as '" + process.role + "'";
    }
    throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() + ": the " + scenario.mechanism +
                                            " mechanism runs two processes, one for each role of a pair (" + offered +
                                            "); this scenario has " + found);
}

std::string cpuFor(const ParamValues& params, const std::string& key) {
    const auto it = params.find(key);
    return it == params.end() ? "-1" : std::to_string(it->second);
}

void requireBurstFits(const Scenario& scenario, const ParamValues& params, std::uint64_t sendBuffer) {
    const auto size = static_cast<std::uint64_t>(params.at("size"));
    const auto messages = static_cast<std::uint64_t>(params.at("messages"));
    if (size * messages > sendBuffer / 2) {
        throw Error(ErrorKind::KernelLimit,
                    scenario.id + ": " + std::to_string(messages) + " messages of " + std::to_string(size) +
                        " bytes do not fit half of the socket's send buffer (" + std::to_string(sendBuffer) +
                        " bytes, SO_SNDBUF); the writer sends them all before the reader starts, so it would wait "
                        "forever. Use fewer or smaller messages.");
    }
}

} // namespace ipclab
