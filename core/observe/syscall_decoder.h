#pragma once

#include "events/event.h"

#include <array>
#include <cstdint>

namespace ipclab {

/// Turns raw system call numbers, arguments and results into what the lesson talks about:
/// which fd or IPC object, how many bytes asked for, and which way the kernel copied them.
class SyscallDecoder {
public:
    SyscallDecoder();

    /// Fills name, fd / ipcId, requested and direction of `call` from its number and arguments.
    void decodeEntry(SyscallRecord& call) const;
    /// Fills result and copied; `call` must have been through decodeEntry().
    void decodeExit(SyscallRecord& call, std::int64_t result) const;

private:
    /// What a call is about.
    enum class Handle : std::uint8_t {
        None,
        Fd,     ///< an fd in args[0] (read, write, close, mq_timedsend: mqd_t is an fd on Linux)
        FdArg4, ///< mmap: the fd is args[4], -1 for anonymous memory
        SysvId, ///< a System V id in args[0] (msgsnd, semop, shmat, ...): not an fd
    };
    /// How it moves bytes between the process and the kernel.
    enum class Data : std::uint8_t {
        None,
        WriteCount,  ///< count in args[2]; result = bytes copied into the kernel
        ReadCount,   ///< count in args[2]; result = bytes copied out of the kernel
        WriteVector, ///< iovec: bytes known from the result only
        ReadVector,
        SendWhole,    ///< result 0 on success, and all args[2] bytes were copied (mq_timedsend, msgsnd)
        ReceiveCount, ///< result = bytes copied; args[2] is the room offered (mq_timedreceive, msgrcv)
        SizeOnly,     ///< a size that is not copied: args[sizeArg] (mmap, munmap, shmget)
    };
    struct Traits {
        Handle handle = Handle::None;
        Data data = Data::None;
        std::uint8_t sizeArg = 2;
    };
    static constexpr std::size_t kTableSize = 512;
    std::array<Traits, kTableSize> m_traits{};

    const Traits& traitsOf(long nr) const;
    void assign(const char* name, Traits traits);
};

} // namespace ipclab
