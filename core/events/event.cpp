#include "events/event.h"

#include <cstdio>
#include <cstring>
#include <linux/futex.h>
#include <vector>

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

namespace {

const char* futexOpName(std::uint64_t op) {
    switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
        return "FUTEX_WAIT";
    case FUTEX_WAKE:
        return "FUTEX_WAKE";
    case FUTEX_WAIT_BITSET:
        return "FUTEX_WAIT_BITSET";
    case FUTEX_WAKE_BITSET:
        return "FUTEX_WAKE_BITSET";
    case FUTEX_LOCK_PI:
        return "FUTEX_LOCK_PI";
    case FUTEX_UNLOCK_PI:
        return "FUTEX_UNLOCK_PI";
    case FUTEX_WAKE_OP:
        return "FUTEX_WAKE_OP";
    case FUTEX_REQUEUE:
        return "FUTEX_REQUEUE";
    case FUTEX_CMP_REQUEUE:
        return "FUTEX_CMP_REQUEUE";
    default:
        return "futex op";
    }
}

/// "msqid" for msg* calls, "semid" for sem*, "shmid" for shm*: the name the man pages use.
std::string ipcIdLabel(const std::string& name) {
    if (name.starts_with("msg")) {
        return "msqid";
    }
    if (name.starts_with("sem")) {
        return "semid";
    }
    return "shmid";
}

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

} // namespace

const char* levelUnitName(LevelUnit unit) {
    switch (unit) {
    case LevelUnit::Bytes:
        return "bytes";
    case LevelUnit::Messages:
        return "messages";
    case LevelUnit::Count:
        return "";
    }
    return "";
}

const char* syncKindName(SyncEvent::Kind kind) {
    switch (kind) {
    case SyncEvent::Kind::Attempt:
        return "attempt";
    case SyncEvent::Kind::Acquired:
        return "acquired";
    case SyncEvent::Kind::Released:
        return "released";
    case SyncEvent::Kind::Waiting:
        return "waiting";
    case SyncEvent::Kind::Woken:
        return "woken";
    case SyncEvent::Kind::Signalled:
        return "signalled";
    case SyncEvent::Kind::OwnerDied:
        return "owner-died";
    case SyncEvent::Kind::Recovered:
        return "recovered";
    }
    return "?";
}

std::string SyscallRecord::callText() const {
    std::vector<std::string> parts;
    if (name == "shmget" || name == "msgget" || name == "semget") {
        parts.push_back("key " + hex(static_cast<std::uint32_t>(args[0])));
    }
    if (fd >= 0) {
        parts.push_back((name.starts_with("mq_") ? "mqd " : "fd ") + std::to_string(fd));
    }
    if (ipcId >= 0) {
        parts.push_back(ipcIdLabel(name) + " " + std::to_string(ipcId));
    }
    if (requested > 0) {
        const bool receiving = direction == CopyDirection::KernelToUser;
        parts.push_back((receiving ? "up to " : "") + std::to_string(requested) + " bytes");
    }
    if (name == "futex") {
        parts.push_back(futexOpName(args[1]));
    }
    if (name == "exit_group" || name == "exit") {
        parts.push_back(std::to_string(static_cast<std::int32_t>(args[0])));
    }
    std::string text = name + "(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += (i > 0 ? ", " : "") + parts[i];
    }
    return text + (parts.empty() ? "…)" : ")");
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
