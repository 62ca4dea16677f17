#include "common/error.h"
#include "launch/posix_queue.h"
#include "launch/run_names.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <sys/mman.h>

namespace ipclab {

namespace {

constexpr std::int64_t kMaxRounds = 1'000;
constexpr std::int64_t kMaxPages = 64;
constexpr long kNoticeSize = 8; ///< a notice carries its round number

void requireRange(const std::string& name, std::int64_t value, std::int64_t high) {
    if (value < 1 || value > high) {
        throw Error(ErrorKind::BadParameter, "parameter '" + name + "' = " + std::to_string(value) +
                                                 " is out of range: 1 .. " + std::to_string(high));
    }
}

/// A writer and a reader: the data in a POSIX shared-memory object the writer creates, the
/// "ready" and "ok" notices in two POSIX queues the session creates (one message deep each).
class ReadyOkPlan final : public RunPlan {
public:
    ReadyOkPlan(const Scenario& scenario, const ParamValues& params) : m_shmName(m_names.posixName("data")) {
        requireRange("rounds", requireParam(scenario, params, "rounds"), kMaxRounds);
        requireRange("pages", requireParam(scenario, params, "pages"), kMaxPages);
        std::string writer;
        for (const ProcessSpec& process : scenario.processes) {
            requireRole(scenario, process, {"writer", "reader"});
            writer = process.role == "writer" ? process.name : writer;
        }
        m_ready = std::make_unique<PosixQueue>(m_names.posixName("ready"), 1, kNoticeSize);
        m_ok = std::make_unique<PosixQueue>(m_names.posixName("ok"), 1, kNoticeSize);
        for (const ProcessSpec& process : scenario.processes) {
            WorkerPlan worker{process.name, process.role, {}};
            worker.names = {{"shm_name", m_shmName}, {"ready", m_ready->name()}, {"ok", m_ok->name()}};
            if (process.role == "reader") {
                worker.startsAfter = writer;
                worker.startsAtPhase = Phase::Transfer;
            }
            m_workers.push_back(std::move(worker));
        }
        const PosixQueue* ready = m_ready.get();
        const PosixQueue* ok = m_ok.get();
        m_gauges = {GaugePlan{"queue: ready", 1, LevelUnit::Messages, [ready] { return ready->depth(); }},
                    GaugePlan{"queue: ok", 1, LevelUnit::Messages, [ok] { return ok->depth(); }}};
        m_objects = {"POSIX shared memory " + m_shmName + " (the data pages, mode 0600)",
                     "POSIX message queue " + m_ready->name() + " (\"ready\", one 8-byte message, mode 0600)",
                     "POSIX message queue " + m_ok->name() + " (\"ok\", one 8-byte message, mode 0600)"};
    }
    ~ReadyOkPlan() override { ::shm_unlink(m_shmName.c_str()); } // a killed writer cannot; the name is this run's

private:
    RunNames m_names;
    std::string m_shmName;
    std::unique_ptr<PosixQueue> m_ready;
    std::unique_ptr<PosixQueue> m_ok;
};

} // namespace

std::unique_ptr<RunPlan> makeReadyOkPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<ReadyOkPlan>(scenario, params);
}

} // namespace ipclab
