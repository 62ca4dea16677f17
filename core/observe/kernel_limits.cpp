#include "observe/kernel_limits.h"

#include <fstream>

namespace ipclab {

std::optional<std::int64_t> readProcSys(const std::string& key) {
    std::ifstream in("/proc/sys/" + key);
    std::int64_t value = 0;
    if (!(in >> value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::uint64_t> readProcSysUnsigned(const std::string& key) {
    std::ifstream in("/proc/sys/" + key);
    std::uint64_t value = 0;
    if (!(in >> value)) {
        return std::nullopt;
    }
    return value;
}

KernelLimits KernelLimits::read() {
    KernelLimits limits;
    limits.mqMsgMax = readProcSys("fs/mqueue/msg_max");
    limits.mqMsgsizeMax = readProcSys("fs/mqueue/msgsize_max");
    limits.mqQueuesMax = readProcSys("fs/mqueue/queues_max");
    limits.msgMax = readProcSys("kernel/msgmax");
    limits.msgMnb = readProcSys("kernel/msgmnb");
    limits.msgMni = readProcSys("kernel/msgmni");
    limits.pipeMaxSize = readProcSys("fs/pipe-max-size");
    return limits;
}

} // namespace ipclab
