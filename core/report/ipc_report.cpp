#include "report/ipc_report.h"

namespace ipclab {

namespace {

nlohmann::json optional(const std::optional<std::uint64_t>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json objectJson(const IpcObject& o) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", o.mode);
    nlohmann::json row{{"kind", kindName(o.kind)},
                       {"key", o.key},
                       {"owner", o.owner},
                       {"uid", o.uid},
                       {"mode", mode},
                       {"size", o.size}};
    row["id"] = o.id >= 0 ? nlohmann::json(o.id) : nlohmann::json(nullptr);
    switch (o.kind) {
    case IpcObject::Kind::SysvShm:
        row["attached"] = o.count;
        row["creator_pid"] = o.creatorPid;
        row["last_pid"] = o.lastPid;
        break;
    case IpcObject::Kind::SysvMsg:
        row["messages"] = o.count;
        row["last_sender_pid"] = o.lastPid;
        break;
    case IpcObject::Kind::SysvSem:
    case IpcObject::Kind::PosixShm:
        break;
    }
    return row;
}

} // namespace

nlohmann::json ipcReportJson(const std::vector<IpcObject>& objects, const IpcLimits& limits) {
    nlohmann::json rows = nlohmann::json::array();
    for (const IpcObject& o : objects) {
        rows.push_back(objectJson(o));
    }
    return {{"objects", rows},
            {"limits",
             {{"shmmni", optional(limits.shmmni)},
              {"shmmax", optional(limits.shmmax)},
              {"shmall", optional(limits.shmall)},
              {"msgmni", optional(limits.msgmni)},
              {"msgmax", optional(limits.msgmax)},
              {"msgmnb", optional(limits.msgmnb)},
              {"semmsl", optional(limits.semmsl)},
              {"semmns", optional(limits.semmns)},
              {"semopm", optional(limits.semopm)},
              {"semmni", optional(limits.semmni)},
              {"mq_queues_max", optional(limits.mqQueuesMax)},
              {"mq_msg_max", optional(limits.mqMsgMax)},
              {"mq_msgsize_max", optional(limits.mqMsgsizeMax)}}}};
}

} // namespace ipclab
