#include "common/error.h"
#include "launch/run_names.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <semaphore.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <unistd.h>

namespace ipclab {

namespace {

constexpr std::int64_t kMaxProcesses = 8;
constexpr std::int64_t kMaxIncrements = 20'000'000;
constexpr std::int64_t kMaxAnnouncedSteps = 20'000; ///< per worker: each one is a write on the control fd

std::string hexKey(key_t key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(key));
    return text;
}

void requireRange(const Scenario& scenario, const ParamValues& params, const std::string& name, std::int64_t low,
                  std::int64_t high) {
    const std::int64_t value = requireParam(scenario, params, name);
    if (value < low || value > high) {
        throw Error(ErrorKind::BadParameter, "parameter '" + name + "' = " + std::to_string(value) +
                                                 " is out of range: the counter scenarios take " + std::to_string(low) +
                                                 " .. " + std::to_string(high));
    }
}

/// N workers, P1..PN, all playing the scenario's one role on one POSIX shared-memory object:
/// P1 creates the object and its lock, the others start once it has (its transfer phase).
class CounterPlan : public RunPlan {
public:
    CounterPlan(const Scenario& scenario, const ParamValues& params) : m_shmName(m_names.posixName("counter")) {
        validate(scenario, params);
        const std::string& role = scenario.processes.front().role;
        const auto count = params.at("processes");
        for (std::int64_t rank = 1; rank <= count; ++rank) {
            WorkerPlan worker{"P" + std::to_string(rank), role, {}};
            worker.names = {{"shm_name", m_shmName}, {"rank", std::to_string(rank)}};
            if (rank > 1) {
                worker.startsAfter = "P1";
                worker.startsAtPhase = Phase::Transfer;
            }
            m_workers.push_back(std::move(worker));
        }
        m_objects = {"POSIX shared memory " + m_shmName + " (one page, mode 0600): the counter" +
                     (role == "mutex"         ? " and a PTHREAD_PROCESS_SHARED mutex"
                      : role == "unnamed-sem" ? " and an unnamed semaphore (pshared = 1)"
                                              : "")};
        if (role == "sysv-sem") {
            addSysvSemaphore();
        } else if (role == "posix-sem") {
            m_semName = m_names.posixName("sem");
            nameForAll("sem_name", m_semName);
            m_objects.push_back("POSIX named semaphore " + m_semName + " (/dev/shm/sem." + m_semName.substr(1) +
                                ", mode 0600, value 1)");
        }
    }

    ~CounterPlan() override {
        // Safety net for a killed run: every name here is this run's own.
        ::shm_unlink(m_shmName.c_str());
        if (!m_semName.empty()) {
            ::sem_unlink(m_semName.c_str());
        }
        removeSysvSemaphore();
    }

    void afterSpawn(const std::vector<int>& pids) override { m_pids = pids; }

private:
    static void validate(const Scenario& scenario, const ParamValues& params) {
        if (scenario.processes.size() != 1) {
            throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() +
                                                    ": the counter scenarios list one [[processes]] table; the "
                                                    "'processes' parameter says how many play its role");
        }
        requireRole(scenario, scenario.processes.front(),
                    {"unsynchronised", "mutex", "sysv-sem", "posix-sem", "unnamed-sem"});
        requireRange(scenario, params, "processes", 1, kMaxProcesses);
        requireRange(scenario, params, "increments", 1, kMaxIncrements);
        const std::int64_t every = params.contains("announce_every") ? params.at("announce_every") : 0;
        if (every < 0 || (every > 0 && params.at("increments") / every > kMaxAnnouncedSteps)) {
            throw Error(ErrorKind::BadParameter, "parameter 'announce_every' = " + std::to_string(every) +
                                                     " would announce more than " + std::to_string(kMaxAnnouncedSteps) +
                                                     " lock steps per process; use 0 (none) or at least " +
                                                     std::to_string(params.at("increments") / kMaxAnnouncedSteps + 1));
        }
    }

    void nameForAll(const std::string& key, const std::string& value) {
        for (WorkerPlan& worker : m_workers) {
            worker.names.emplace_back(key, value);
        }
    }

    void addSysvSemaphore() {
        m_dir.emplace(m_names);
        m_semKey = m_dir->makeSysvKey("sem.key");
        if (const int existing = ::semget(m_semKey, 0, 0); existing >= 0) {
            throw Error(ErrorKind::BadParameter, "System V key " + hexKey(m_semKey) + " already names semaphore set " +
                                                     std::to_string(existing) + ": semget with IPC_EXCL would refuse");
        }
        nameForAll("sem_key_file", (m_dir->path() / "sem.key").string());
        addSemaphoreGauges();
        m_objects.push_back("System V semaphore set: key " + hexKey(m_semKey) + " (ftok of " +
                            (m_dir->path() / "sem.key").string() + "), one semaphore, mode 0600, value 1");
    }

    /// Read by the session itself with semctl (never by a worker, so the trace stays the lesson's
    /// calls): the value the kernel holds, and how many processes sleep in semop waiting for it
    /// to rise. Nothing is shown before P1 creates the set or after it is removed. Sampled after
    /// every traced call, so the set's id is looked up once and kept until semctl refuses it.
    void addSemaphoreGauges() {
        const key_t key = m_semKey;
        auto known = std::make_shared<std::atomic<int>>(-1);
        auto read = [key, known](int command) -> std::optional<std::uint64_t> {
            int id = known->load();
            if (id < 0 && (id = ::semget(key, 0, 0)) < 0) {
                return std::nullopt;
            }
            known->store(id);
            const int value = ::semctl(id, 0, command);
            if (value < 0) {
                known->store(-1); // removed (EINVAL/EIDRM): look the key up again next time
                return std::nullopt;
            }
            return static_cast<std::uint64_t>(value);
        };
        const auto waiters = static_cast<std::uint64_t>(m_workers.size() - 1);
        m_gauges.push_back(
            GaugePlan{"semaphore value (semctl GETVAL)", 1, LevelUnit::Count, [read] { return read(GETVAL); }});
        m_gauges.push_back(GaugePlan{"processes waiting in semop (GETNCNT)", std::max<std::uint64_t>(1, waiters),
                                     LevelUnit::Count, [read] { return read(GETNCNT); }});
    }

    void removeSysvSemaphore() {
        if (!m_dir) {
            return;
        }
        // Only a set our workers made: the key was free when the run began, and since then only
        // our workers have operated on it (the last semop's pid), or nobody has (a creator killed
        // before its first semop).
        const int id = ::semget(m_semKey, 0, 0);
        semid_ds info{};
        if (id < 0 || ::semctl(id, 0, IPC_STAT, &info) != 0 || info.sem_perm.uid != ::geteuid()) {
            return;
        }
        const int last = ::semctl(id, 0, GETPID);
        if (info.sem_otime == 0 || std::find(m_pids.begin(), m_pids.end(), last) != m_pids.end()) {
            ::semctl(id, 0, IPC_RMID);
        }
    }

    RunNames m_names;
    std::string m_shmName;
    std::string m_semName;
    std::optional<RunDirectory> m_dir;
    key_t m_semKey = -1;
    std::vector<int> m_pids;
};

} // namespace

std::unique_ptr<RunPlan> makeCounterPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<CounterPlan>(scenario, params);
}

} // namespace ipclab
