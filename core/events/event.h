#pragma once

#include "events/page_figures.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ipclab {

/// The phases a worker announces. Startup covers everything before the worker's first marker
/// (it is the observer's start-up handshake, not the lesson's IPC).
enum class Phase : std::uint8_t { Startup, Setup, Transfer, Teardown };
inline constexpr int kPhaseCount = 4;

/// Which way a system call moved bytes between a process and the kernel.
enum class CopyDirection : std::uint8_t { None, UserToKernel, KernelToUser };

const char* phaseName(Phase phase);
const char* directionName(CopyDirection direction);

/// One system call of an observed process, as the tracer saw it. Filled at entry; the result,
/// the copy and the exit time are known once `finished` is true.
struct SyscallRecord {
    int pid = 0;
    long nr = -1;
    std::string name;
    std::array<std::uint64_t, 6> args{};
    int fd = -1;                 ///< the fd argument, or -1 when the call has none
    int ipcId = -1;              ///< the System V id argument (msqid, semid, shmid), or -1
    std::uint64_t requested = 0; ///< bytes the call asked to move (0 when it moves none)
    std::int64_t result = 0;     ///< return value, or -errno
    bool finished = false;
    Phase phase = Phase::Startup;
    CopyDirection direction = CopyDirection::None;
    std::uint64_t copied = 0; ///< bytes the kernel actually copied (0 when none)
    std::int64_t entryNs = 0; ///< monotonic time since the run started
    std::int64_t exitNs = 0;

    /// "write(fd 5, 4096 bytes)": how the call looks to a student at entry.
    std::string callText() const;
    /// "= 4096" or "= -1 EAGAIN": the outcome, once finished.
    std::string resultText() const;
    bool movesData() const { return direction != CopyDirection::None && copied > 0; }
};

struct ProcessStarted {
    int pid = 0;
    std::string name; ///< "P1"
    std::string role; ///< "client"
};

struct SyscallEntered {
    SyscallRecord call;
};

struct SyscallExited {
    SyscallRecord call;
};

struct PhaseChanged {
    int pid = 0;
    Phase phase = Phase::Startup;
};

/// What a gauge counts: bytes in a pipe or socket buffer, or messages in a queue.
/// What a gauge counts: bytes or messages in a kernel buffer, or a plain number (a semaphore's
/// value, the processes waiting on it).
enum class LevelUnit : std::uint8_t { Bytes, Messages, Count };

/// "bytes", "messages", or "" for a plain count.
const char* levelUnitName(LevelUnit unit);

/// A kernel buffer's fill level, sampled right after a call that may have changed it.
struct BufferSample {
    std::string channel; ///< "request pipe"
    std::uint64_t used = 0;
    std::uint64_t capacity = 0;
    LevelUnit unit = LevelUnit::Bytes;
};

/// A named part of a shared region as the program lays it out (§14: the segment cast to a
/// struct holding the data and the mutex): what lives at which offset.
struct RegionField {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::string name; ///< "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)"

    bool operator==(const RegionField&) const = default;
};

/// One process's view of a shared object, page by page, read from /proc while the run goes on:
/// where this process sees it (its own virtual addresses), which frames are behind each page
/// (or why the kernel would not say), and what this process reads there.
struct MappingSnapshot {
    int pid = 0;
    std::string object;      ///< "System V segment key 0x1b0a0b0c, id 7", "/ipclab-12-1-shm", a path
    std::uint64_t start = 0; ///< first virtual address of the mapping in this process
    std::uint64_t length = 0;
    std::uint64_t inode = 0; ///< /proc/PID/maps: the same object has the same inode everywhere
    std::uint64_t offset = 0;
    std::vector<PageInfo> pages; ///< one per page of the object (/proc/PID/pagemap)
    bool pfnsHidden = false;
    std::string hiddenReason; ///< why, when pfnsHidden
    std::optional<SmapsFigures> smaps;
    std::uint64_t minorFaults = 0;                ///< /proc/PID/stat: kernel entries by page fault so far
    std::vector<std::vector<std::uint8_t>> heads; ///< the first bytes of each page, as this process reads them
    std::vector<PageInfo> privatePages;           ///< a page of this process's own heap, for contrast
    std::optional<std::uint64_t> dataOffset;      ///< where the payload starts (after a header), if any
    /// What the program keeps where in the object, as the worker announced it: the counter, the
    /// mutex (§14: the primitive lives inside the shared pages)...; offsets from `start`.
    std::vector<RegionField> fields;
    /// True when PageInfo::softDirty means "this process wrote the page since it mapped the
    /// object": the session cleared the bits at the moment the mapping was made (traced runs).
    bool writesTracked = false;
};

/// A synchronisation step a worker took, as it announced it (lesson §13–§15): the sync
/// timeline's material. The system calls behind it (futex, semop, ...) come from the tracer.
struct SyncEvent {
    enum class Kind : std::uint8_t {
        Attempt,   ///< about to lock / P / wait
        Acquired,  ///< got the lock (or passed P)
        Released,  ///< unlocked (or V)
        Waiting,   ///< waiting on a condition / for a message
        Woken,     ///< the wait ended
        Signalled, ///< signalled a condition / sent "ready" / answered "ok"
        OwnerDied, ///< a robust mutex came back EOWNERDEAD
        Recovered, ///< the state was repaired and the mutex marked consistent
    };
    int pid = 0;
    Kind kind = Kind::Attempt;
    std::string object;      ///< "mutex in the segment", "System V semaphore 0x1b…", "queue: ready"
    std::int64_t timeNs = 0; ///< since the run started, as the worker's own clock said
    std::int64_t value = -1; ///< a semaphore's value or a counter after the step; -1 when none
};

const char* syncKindName(SyncEvent::Kind kind);

/// Step mode: `call` is about to enter the kernel and is held until released.
struct HeldAtEntry {
    SyscallRecord call;
};

struct ProcessExited {
    int pid = 0;
    int exitCode = -1; ///< valid when !signaled
    int signal = 0;    ///< the killing signal when signaled
    bool signaled = false;
};

/// Something the user must be told: tracing unavailable and why, a stop request, a failure.
struct Notice {
    enum class Level { Info, Warning, Error } level = Level::Info;
    std::string text;
};

using EventPayload = std::variant<ProcessStarted, SyscallEntered, SyscallExited, PhaseChanged, BufferSample,
                                  HeldAtEntry, ProcessExited, Notice, MappingSnapshot, SyncEvent>;

/// One entry of a run's ordered event stream. `seq` is strictly increasing within a run.
struct Event {
    std::uint64_t seq = 0;
    std::int64_t timeNs = 0;
    EventPayload payload;
};

} // namespace ipclab
