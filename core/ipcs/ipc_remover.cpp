#include "ipcs/ipc_remover.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

namespace ipclab {

namespace {

std::string errnoText(int error) {
    char buffer[256];
    // GNU strerror_r: returns the text, which may or may not live in `buffer`.
    const char* text = ::strerror_r(error, buffer, sizeof buffer);
    const char* name = ::strerrorname_np(error);
    std::string result = text;
    if (name != nullptr) {
        result += std::string(" (") + name + ")";
    }
    return result;
}

/// The call for the object's kind: 0 on success, else errno.
int removeByKind(const IpcObject& object) {
    int status = -1;
    switch (object.kind) {
    case IpcObject::Kind::SysvShm:
        status = ::shmctl(object.id, IPC_RMID, nullptr);
        break;
    case IpcObject::Kind::SysvMsg:
        status = ::msgctl(object.id, IPC_RMID, nullptr);
        break;
    case IpcObject::Kind::SysvSem:
        status = ::semctl(object.id, 0, IPC_RMID);
        break;
    case IpcObject::Kind::PosixShm:
        status = ::shm_unlink(object.key.c_str());
        break;
    }
    return status == 0 ? 0 : errno;
}

std::string whyFailed(const IpcObject& object, int error) {
    std::string text = "Could not remove " + describeIpcObject(object) + ": " + errnoText(error) + ".";
    if (error == EPERM || error == EACCES) {
        text += " Only its owner (" + object.owner + "), its creator or root may remove it.";
    } else if (error == EINVAL || error == ENOENT || error == EIDRM) {
        text += " It is no longer there: someone removed it already.";
    }
    return text;
}

} // namespace

std::string describeIpcObject(const IpcObject& object) {
    const std::string id = ", id " + std::to_string(object.id);
    switch (object.kind) {
    case IpcObject::Kind::SysvShm:
        return "System V shared memory segment key " + object.key + id;
    case IpcObject::Kind::SysvMsg:
        return "System V message queue key " + object.key + id;
    case IpcObject::Kind::SysvSem:
        return "System V semaphore set key " + object.key + id;
    case IpcObject::Kind::PosixShm:
        return "POSIX shared memory object " + object.key;
    }
    return object.key;
}

RemovalResult removeIpcObject(const IpcObject& object) {
    if (object.kind == IpcObject::Kind::PosixShm ? object.key.empty() : object.id < 0) {
        return {false, "Nothing to remove: the object has no " +
                           std::string(object.kind == IpcObject::Kind::PosixShm ? "name." : "id.")};
    }
    const int error = removeByKind(object);
    if (error != 0) {
        return {false, whyFailed(object, error)};
    }
    std::string text = "Removed " + describeIpcObject(object) + ".";
    if (object.kind == IpcObject::Kind::SysvShm && object.count > 0) {
        // IPC_RMID on an attached segment only marks it: the memory lives until the last detach.
        text += " It was still attached " + std::to_string(object.count) +
                " time(s), so the kernel marked it for removal and frees it at the last detach.";
    }
    return {true, text};
}

std::optional<std::string> removalRefusal(const IpcObject& object, unsigned euid) {
    if (euid == 0 || euid == object.uid) {
        return std::nullopt;
    }
    return "Refused: " + describeIpcObject(object) + " belongs to " + object.owner + " (uid " +
           std::to_string(object.uid) + "), and you are uid " + std::to_string(euid) +
           ". Only its owner, its creator or root may remove it.";
}

} // namespace ipclab
