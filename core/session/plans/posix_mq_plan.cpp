#include "common/error.h"
#include "launch/posix_queue.h"
#include "launch/run_names.h"
#include "mechanisms/mq/posix_mq_protocol.h"
#include "observe/kernel_limits.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <algorithm>

namespace ipclab {

namespace {

/// Request/response keeps one message in flight each way; a little more room lets the gauge
/// show the queue as partly full rather than simply full.
constexpr long kRequestResponseDepth = 4;

/// One queue the plan creates: the key its name is passed under, and its attributes.
struct QueueSpec {
    const char* key;
    std::string channel; ///< the gauge's label
    long maxMessages;
    long messageSize;
};

bool isPriorityScenario(const Scenario& scenario) {
    return std::any_of(scenario.processes.begin(), scenario.processes.end(), [](const ProcessSpec& p) {
        return p.role == "priority-sender" || p.role == "priority-receiver";
    });
}

/// The queues `scenario` needs, its parameters checked against this machine's limits first.
std::vector<QueueSpec> queuesFor(const Scenario& scenario, const ParamValues& params) {
    const bool priorities = isPriorityScenario(scenario);
    for (const ProcessSpec& process : scenario.processes) {
        requireRole(scenario, process,
                    priorities ? std::initializer_list<const char*>{"priority-sender", "priority-receiver"}
                               : std::initializer_list<const char*>{"client", "server"});
    }
    const KernelLimits limits = KernelLimits::read();
    const std::int64_t size = requireParam(scenario, params, "size");
    requireWithinLimit(size, limits.mqMsgsizeMax,
                       "parameter 'size' = " + std::to_string(size) +
                           " bytes is larger than this machine's largest POSIX message",
                       "fs/mqueue/msgsize_max");
    if (priorities) {
        const std::int64_t count = requireParam(scenario, params, "messages");
        // All of them wait in the queue at once before the receiver starts: the queue must hold them.
        requireWithinLimit(count, limits.mqMsgMax,
                           "parameter 'messages' = " + std::to_string(count) +
                               " is more messages than one POSIX queue may hold on this machine",
                           "fs/mqueue/msg_max");
        if (count > posixmq::kMaxPriorityMessages) {
            throw Error(ErrorKind::BadParameter, "parameter 'messages' = " + std::to_string(count) +
                                                     ": each message gets its own priority, and there are only " +
                                                     std::to_string(posixmq::kMaxPriorityMessages));
        }
        return {{posixmq::kMessages, "message queue", static_cast<long>(count), static_cast<long>(size)},
                {posixmq::kControl, "control queue", 1, posixmq::kControlSize}};
    }
    const long depth = static_cast<long>(std::min<std::int64_t>(kRequestResponseDepth, limits.mqMsgMax.value_or(10)));
    return {{posixmq::kRequests, "request queue", depth, static_cast<long>(size)},
            {posixmq::kResponses, "response queue", depth, static_cast<long>(size)}};
}

class PosixMqPlan : public RunPlan {
public:
    PosixMqPlan(const Scenario& scenario, const std::vector<QueueSpec>& specs) {
        const KernelLimits limits = KernelLimits::read();
        std::vector<std::pair<std::string, std::string>> names;
        for (const QueueSpec& spec : specs) {
            // Should a later queue fail, the ones already in m_queues are removed by their destructors.
            m_queues.push_back(
                std::make_unique<PosixQueue>(m_names.posixName(spec.key), spec.maxMessages, spec.messageSize));
            const PosixQueue* queue = m_queues.back().get();
            names.emplace_back(spec.key, queue->name());
            m_gauges.push_back(GaugePlan{spec.channel, static_cast<std::uint64_t>(spec.maxMessages),
                                         LevelUnit::Messages, [queue] { return queue->depth(); }});
            m_objects.push_back(
                "POSIX message queue " + queue->name() + " (room for " + counted(spec.maxMessages, "message") +
                " of at most " + counted(spec.messageSize, "byte") +
                "; this machine's limits: " + limitText(limits.mqMsgMax) + " messages (fs.mqueue.msg_max), " +
                limitText(limits.mqMsgsizeMax) + " bytes (fs.mqueue.msgsize_max))");
        }
        for (const ProcessSpec& process : scenario.processes) {
            m_workers.push_back(WorkerPlan{process.name, process.role, {}, names});
        }
    }

private:
    static std::string counted(long n, const std::string& noun) {
        return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    }
    static std::string limitText(std::optional<std::int64_t> limit) {
        return limit ? std::to_string(*limit) : "unknown";
    }

    RunNames m_names;
    std::vector<std::unique_ptr<PosixQueue>> m_queues;
};

} // namespace

std::unique_ptr<RunPlan> makePosixMqPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<PosixMqPlan>(scenario, queuesFor(scenario, params));
}

} // namespace ipclab
