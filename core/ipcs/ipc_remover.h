#pragma once

#include "ipcs/ipc_tables.h"

#include <optional>
#include <string>

namespace ipclab {

/// What a removal did: `ok`, and a sentence for the user either way ("Removed …" or why not,
/// with the kernel's errno text).
struct RemovalResult {
    bool ok = false;
    std::string message;
};

/// The ipcrm of ipclab: IPC_RMID by id for System V objects (shmctl, msgctl, semctl),
/// shm_unlink by name for POSIX shared memory. A System V segment that is still attached is only
/// marked for removal; the message says so. Any thread; touches nothing but the one object.
RemovalResult removeIpcObject(const IpcObject& object);

/// Why a user with effective uid `euid` may not remove `object`, before asking the kernel:
/// only the owner (or root) may. nullopt when the attempt may go ahead; the kernel still has
/// the last word (EPERM), which removeIpcObject() reports.
std::optional<std::string> removalRefusal(const IpcObject& object, unsigned euid);

/// "System V shared memory segment key 0x1b0a0b0c, id 7" or "POSIX shared memory /name".
std::string describeIpcObject(const IpcObject& object);

} // namespace ipclab
