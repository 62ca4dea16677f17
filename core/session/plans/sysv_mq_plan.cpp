#include "common/error.h"
#include "launch/run_names.h"
#include "launch/sysv_queue.h"
#include "mechanisms/mq/sysv_mq_protocol.h"
#include "observe/kernel_limits.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <algorithm>

namespace ipclab {

namespace {

bool isTypesScenario(const Scenario& scenario) {
    return std::any_of(scenario.processes.begin(), scenario.processes.end(),
                       [](const ProcessSpec& p) { return p.role == "typed-sender" || p.role == "typed-receiver"; });
}

/// Checks roles and parameters against this machine's limits, before anything is created.
void validate(const Scenario& scenario, const ParamValues& params) {
    const bool types = isTypesScenario(scenario);
    for (const ProcessSpec& process : scenario.processes) {
        requireRole(scenario, process,
                    types ? std::initializer_list<const char*>{"typed-sender", "typed-receiver"}
                          : std::initializer_list<const char*>{"client", "server"});
    }
    const KernelLimits limits = KernelLimits::read();
    const std::int64_t size = requireParam(scenario, params, "size");
    const std::string sizeText = "parameter 'size' = " + std::to_string(size) + " bytes is larger than ";
    requireWithinLimit(size, limits.msgMax, sizeText + "this machine's largest System V message", "kernel/msgmax");
    requireWithinLimit(size, limits.msgMnb, sizeText + "one System V queue holds on this machine", "kernel/msgmnb");
    if (types) {
        // Every message waits in the queue before the receiver starts: they must all fit at once.
        const std::int64_t count = requireParam(scenario, params, "messages");
        const std::int64_t total = count * size + static_cast<std::int64_t>(sysvmq::kAllSentSize);
        requireWithinLimit(total, limits.msgMnb,
                           "parameters 'messages' x 'size' = " + std::to_string(count) + " x " + std::to_string(size) +
                               " bytes (" + std::to_string(total) +
                               " with 'all sent') do not fit in one System V queue on this machine",
                           "kernel/msgmnb");
    }
}

/// A gauge on one number of the queue's msgctl(IPC_STAT) status.
GaugePlan statusGauge(std::string channel, std::uint64_t capacity, LevelUnit unit, const SysvQueue* queue,
                      std::uint64_t (*field)(const msqid_ds&)) {
    return GaugePlan{std::move(channel), capacity, unit, [queue, field]() -> std::optional<std::uint64_t> {
                         const auto now = queue->status();
                         return now ? std::optional<std::uint64_t>(field(*now)) : std::nullopt;
                     }};
}

class SysvMqPlan : public RunPlan {
public:
    explicit SysvMqPlan(const Scenario& scenario)
        : m_directory(m_names), m_keyFile(m_directory.path() / "queue.key"),
          m_queue(m_directory.makeSysvKey(m_keyFile.filename().string())) {
        for (const ProcessSpec& process : scenario.processes) {
            m_workers.push_back(WorkerPlan{process.name, process.role, {}, {{sysvmq::kKeyFile, m_keyFile.string()}}});
        }
        const auto status = m_queue.status();
        const std::uint64_t room = status ? status->msg_qbytes : 0;
        m_gauges.push_back(statusGauge("queue (bytes)", room, LevelUnit::Bytes, &m_queue,
                                       [](const msqid_ds& s) -> std::uint64_t { return s.msg_cbytes; }));
        // Linux counts messages against msg_qbytes too: each takes at least one byte of room.
        m_gauges.push_back(statusGauge("queue (messages)", room, LevelUnit::Messages, &m_queue,
                                       [](const msqid_ds& s) -> std::uint64_t { return s.msg_qnum; }));
        const KernelLimits limits = KernelLimits::read();
        m_objects.push_back("System V message queue: key " + sysvKeyText(m_queue.key()) + " (ftok of " +
                            m_keyFile.string() + "), id " + std::to_string(m_queue.id()) + ", room for " +
                            std::to_string(room) + " bytes (kernel.msgmnb); largest message " +
                            (limits.msgMax ? std::to_string(*limits.msgMax) : "unknown") + " bytes (kernel.msgmax)");
        m_objects.push_back("key file " + m_keyFile.string());
    }

private:
    RunNames m_names;
    RunDirectory m_directory; ///< holds the key file; removed after the queue
    std::filesystem::path m_keyFile;
    SysvQueue m_queue;
};

} // namespace

std::unique_ptr<RunPlan> makeSysvMqPlan(const Scenario& scenario, const ParamValues& params) {
    validate(scenario, params);
    return std::make_unique<SysvMqPlan>(scenario);
}

} // namespace ipclab
