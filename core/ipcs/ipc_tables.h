#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// One IPC object as `ipcs` would list it, from the kernel's own tables.
struct IpcObject {
    enum class Kind { SysvShm, SysvMsg, SysvSem, PosixShm };
    Kind kind = Kind::SysvShm;
    std::string key; ///< "0x1b0a0b0c" for System V, the name for POSIX ("/ipclab-…")
    int id = -1;     ///< shmid / msqid / semid; -1 for POSIX objects
    unsigned uid = 0;
    std::string owner;       ///< user name, or the uid when it has no name
    unsigned mode = 0;       ///< permission bits, e.g. 0600
    std::uint64_t size = 0;  ///< shm: bytes; msg: bytes queued; sem: semaphores in the set
    std::uint64_t count = 0; ///< shm: attached processes (nattch); msg: messages queued; else 0
    int creatorPid = 0;      ///< shm: cpid (0 where the kernel does not keep it)
    int lastPid = 0;         ///< shm: lpid; msg: last msgsnd pid
};

const char* kindName(IpcObject::Kind kind);

/// Parsers of /proc/sysvipc/{shm,msg,sem} text (header line first), testable on their own.
std::vector<IpcObject> parseSysvShm(const std::string& text);
std::vector<IpcObject> parseSysvMsg(const std::string& text);
std::vector<IpcObject> parseSysvSem(const std::string& text);

/// Every System V object and every POSIX shared-memory object (/dev/shm) on the machine now.
std::vector<IpcObject> readIpcObjects();

/// The limits `ipcs -l` shows, from /proc/sys; a limit the kernel would not tell is nullopt.
struct IpcLimits {
    std::optional<std::uint64_t> shmmni, shmmax, shmall;
    std::optional<std::uint64_t> msgmni, msgmax, msgmnb;
    std::optional<std::uint64_t> semmsl, semmns, semopm, semmni;
    std::optional<std::uint64_t> mqQueuesMax, mqMsgMax, mqMsgsizeMax;

    static IpcLimits read();
};

} // namespace ipclab
