#include "common/error.h"
#include "launch/run_names.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <sys/mman.h>

namespace ipclab {

namespace {

constexpr std::int64_t kMaxItems = 1'000'000;
constexpr std::int64_t kMaxAnnouncedItems = 5'000;

/// Two processes and one POSIX shared-memory object holding data and pthread primitives (§14):
/// the first role creates it and its primitives; the second starts once that is done.
class SharedPairPlan : public RunPlan {
public:
    SharedPairPlan(const Scenario& scenario, const char* creator, const char* second)
        : m_shmName(m_names.posixName("pair")) {
        if (scenario.processes.size() != 2) {
            throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() + ": the " + scenario.mechanism +
                                                    " mechanism takes exactly two [[processes]]: '" + creator +
                                                    "' and '" + second + "'");
        }
        std::string first;
        for (const ProcessSpec& process : scenario.processes) {
            requireRole(scenario, process, {creator, second});
            first = process.role == creator ? process.name : first;
            m_workers.push_back(WorkerPlan{process.name, process.role, {}});
            m_workers.back().names = {{"shm_name", m_shmName}};
        }
        for (WorkerPlan& worker : m_workers) {
            if (worker.role == second) {
                worker.startsAfter = first;
                worker.startsAtPhase = Phase::Transfer;
            }
        }
        m_objects = {"POSIX shared memory " + m_shmName + " (one page, mode 0600)"};
    }
    ~SharedPairPlan() override { ::shm_unlink(m_shmName.c_str()); } // a killed creator cannot; the name is this run's

protected:
    RunNames m_names;
    std::string m_shmName;
};

class CondvarPlan final : public SharedPairPlan {
public:
    CondvarPlan(const Scenario& scenario, const ParamValues& params)
        : SharedPairPlan(scenario, "producer", "consumer") {
        const std::int64_t items = requireParam(scenario, params, "items");
        const std::int64_t every = params.contains("announce_every") ? params.at("announce_every") : 1;
        if (items < 1 || items > kMaxItems) {
            throw Error(ErrorKind::BadParameter, "parameter 'items' = " + std::to_string(items) +
                                                     " is out of range: 1 .. " + std::to_string(kMaxItems));
        }
        if (every < 0 || (every > 0 && items / every > kMaxAnnouncedItems)) {
            throw Error(ErrorKind::BadParameter, "parameter 'announce_every' = " + std::to_string(every) +
                                                     " would announce more than " + std::to_string(kMaxAnnouncedItems) +
                                                     " items; use 0 (none) or a larger step");
        }
        m_objects.front() += ": a one-item slot, a PTHREAD_PROCESS_SHARED mutex and condition variable";
    }
};

class RobustPlan final : public SharedPairPlan {
public:
    RobustPlan(const Scenario& scenario, const ParamValues& params)
        : SharedPairPlan(scenario, "dying-holder", "recoverer"),
          m_robust(!params.contains("robust") || params.at("robust") != 0),
          m_giveUpMs(params.contains("give_up_ms") ? params.at("give_up_ms") : 2000) {
        for (WorkerPlan& worker : m_workers) {
            worker.expectedToDie = worker.role == "dying-holder";
        }
        m_objects.front() += m_robust ? ": two accounts and a robust PTHREAD_PROCESS_SHARED mutex"
                                      : ": two accounts and an ordinary (not robust) PTHREAD_PROCESS_SHARED mutex";
    }

    std::optional<PlannedStop> plannedStop() const override {
        if (m_robust) {
            return std::nullopt;
        }
        return PlannedStop{m_giveUpMs, "P1 died holding an ordinary mutex, which nobody will ever unlock: P2 would "
                                       "wait in the kernel forever. ipclab stopped the run after " +
                                           std::to_string(m_giveUpMs) + " ms; a robust mutex would have let P2 go on."};
    }

private:
    bool m_robust;
    std::int64_t m_giveUpMs;
};

} // namespace

std::unique_ptr<RunPlan> makeCondvarPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<CondvarPlan>(scenario, params);
}

std::unique_ptr<RunPlan> makeRobustMutexPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<RobustPlan>(scenario, params);
}

} // namespace ipclab
