#include "session/event.h"

#include <cstdio>
#include <cstring>

namespace ipclab {

const char* phaseName(Phase phase) {
    switch (phase) {
    case Phase::Startup:
        return "startup";
    case Phase::Setup:
        return "setup";
    case Phase::Transfer:
        return "transfer";
    case Phase::Teardown:
        return "teardown";
    }
    return "startup";
}

const char* directionName(CopyDirection direction) {
    switch (direction) {
    case CopyDirection::UserToKernel:
        return "user_to_kernel";
    case CopyDirection::KernelToUser:
        return "kernel_to_user";
    case CopyDirection::None:
        break;
    }
    return "none";
}

std::string SyscallRecord::callText() const {
    std::string text = name + "(";
    if (name == "mmap") {
        text += std::to_string(requested) + " bytes";
        if (fd >= 0) {
            text += ", fd " + std::to_string(fd);
        }
    } else if (fd >= 0) {
        text += "fd " + std::to_string(fd);
        if (direction == CopyDirection::UserToKernel && requested > 0) {
            text += ", " + std::to_string(requested) + " bytes";
        } else if (direction == CopyDirection::KernelToUser && requested > 0) {
            text += ", up to " + std::to_string(requested) + " bytes";
        }
    } else if (name == "exit_group" || name == "exit") {
        text += std::to_string(static_cast<std::int64_t>(args[0]));
    } else {
        text += "…";
    }
    return text + ")";
}

std::string SyscallRecord::resultText() const {
    if (!finished) {
        return "never returned";
    }
    if (result < 0 && result >= -4095) {
        const char* errName = strerrorname_np(static_cast<int>(-result));
        return "= -1 " + std::string(errName != nullptr ? errName : "error");
    }
    if (name == "mmap" || name == "brk") {
        char hex[32];
        std::snprintf(hex, sizeof hex, "= 0x%llx", static_cast<unsigned long long>(result));
        return hex;
    }
    return "= " + std::to_string(result);
}

} // namespace ipclab
