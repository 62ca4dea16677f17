#include "session/plans/run_plan.h"

#include "common/error.h"
#include "session/plans/plans.h"

#include <array>

#include <sys/ioctl.h>

namespace ipclab {

GaugePlan bytesWaitingGauge(std::string channel, int fd, std::uint64_t capacity) {
    return GaugePlan{std::move(channel), capacity, LevelUnit::Bytes, [fd]() -> std::optional<std::uint64_t> {
                         int waiting = 0;
                         if (::ioctl(fd, FIONREAD, &waiting) != 0) {
                             return std::nullopt;
                         }
                         return static_cast<std::uint64_t>(waiting);
                     }};
}

namespace {

using PlanFactory = std::unique_ptr<RunPlan> (*)(const Scenario&, const ParamValues&);

struct PlanEntry {
    const char* mechanism;
    PlanFactory make;
};

// One line per mechanism; each plan lives in its own file (see plans.h).
constexpr std::array kPlans{
    PlanEntry{"pipe", &makePipePlan},
    PlanEntry{"posix-mq", &makePosixMqPlan},
    PlanEntry{"sysv-mq", &makeSysvMqPlan},
    PlanEntry{"fifo", &makeFifoPlan},
    PlanEntry{"unix-stream", &makeUnixStreamPlan},
    PlanEntry{"unix-dgram", &makeUnixDgramPlan},
    PlanEntry{"tcp", &makeTcpPlan},
    PlanEntry{"sysv-shm", &makeSysvShmPlan},
    PlanEntry{"posix-shm", &makePosixShmPlan},
    PlanEntry{"mmap-file", &makeMappedFilePlan},
    PlanEntry{"shm-counter", &makeCounterPlan},
    PlanEntry{"shm-condvar", &makeCondvarPlan},
    PlanEntry{"shm-robust", &makeRobustMutexPlan},
    PlanEntry{"shm-ready-ok", &makeReadyOkPlan},
};

} // namespace

std::unique_ptr<RunPlan> makeRunPlan(const Scenario& scenario, const ParamValues& params) {
    for (const PlanEntry& entry : kPlans) {
        if (scenario.mechanism == entry.mechanism) {
            return entry.make(scenario, params);
        }
    }
    std::string known;
    for (const auto& name : knownMechanisms()) {
        known += (known.empty() ? "" : ", ") + name;
    }
    throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() +
                                            ": field 'mechanism': ipclab has no mechanism '" + scenario.mechanism +
                                            "' (known: " + known + ")");
}

std::vector<std::string> knownMechanisms() {
    std::vector<std::string> names;
    for (const PlanEntry& entry : kPlans) {
        names.emplace_back(entry.mechanism);
    }
    return names;
}

void requireRole(const Scenario& scenario, const ProcessSpec& process, std::initializer_list<const char*> roles) {
    std::string offered;
    for (const char* role : roles) {
        if (process.role == role) {
            return;
        }
        offered += (offered.empty() ? "'" : ", '") + std::string(role) + "'";
    }
    throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() + ": process " + process.name + ": the " +
                                            scenario.mechanism + " mechanism has no role '" + process.role +
                                            "' (it has " + offered + ")");
}

} // namespace ipclab
