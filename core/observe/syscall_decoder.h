#pragma once

#include "session/event.h"

#include <array>
#include <cstdint>

namespace ipclab {

/// Turns raw system call numbers, arguments and results into what the lesson talks about:
/// which fd, how many bytes asked for, and which way the kernel copied them.
class SyscallDecoder {
public:
    SyscallDecoder();

    /// Fills name, fd, requested and direction of `call` from its number and arguments.
    void decodeEntry(SyscallRecord& call) const;
    /// Fills result and copied; `call` must have been through decodeEntry().
    void decodeExit(SyscallRecord& call, std::int64_t result) const;

private:
    enum class Shape : std::uint8_t {
        Other,
        FdOnly,      ///< fd in args[0], no data (close, fstat, ioctl, ...)
        WriteCount,  ///< fd, buffer, count in args[2]; result = bytes copied
        ReadCount,   ///< same, into the process
        WriteVector, ///< fd, iovec: bytes known from the result only
        ReadVector,
        SendWholeCount, ///< result 0 on success; all of args[2] was copied (mq_timedsend, msgsnd)
        ReceiveCount,   ///< result = bytes copied; args[2] is the room offered (mq_timedreceive, msgrcv)
        MmapLike,       ///< length in args[1], fd in args[4]
    };
    static constexpr std::size_t kTableSize = 512;
    std::array<Shape, kTableSize> m_shapes{};

    Shape shapeOf(long nr) const;
    void assign(const char* name, Shape shape);
};

} // namespace ipclab
