#include "observe/syscall_decoder.h"

#include "observe/syscall_names.h"

namespace ipclab {

SyscallDecoder::SyscallDecoder() {
    m_shapes.fill(Shape::Other);
    for (const char* name : {"write", "pwrite64", "sendto"}) {
        assign(name, Shape::WriteCount);
    }
    for (const char* name : {"read", "pread64", "recvfrom"}) {
        assign(name, Shape::ReadCount);
    }
    for (const char* name : {"writev", "pwritev", "pwritev2", "sendmsg"}) {
        assign(name, Shape::WriteVector);
    }
    for (const char* name : {"readv", "preadv", "preadv2", "recvmsg"}) {
        assign(name, Shape::ReadVector);
    }
    for (const char* name : {"mq_timedsend", "msgsnd"}) {
        assign(name, Shape::SendWholeCount);
    }
    for (const char* name : {"mq_timedreceive", "msgrcv"}) {
        assign(name, Shape::ReceiveCount);
    }
    for (const char* name :
         {"close",      "fstat",      "ioctl",         "fcntl",     "ftruncate", "dup",     "dup2",
          "dup3",       "shutdown",   "bind",          "listen",    "accept",    "accept4", "connect",
          "getsockopt", "setsockopt", "mq_getsetattr", "mq_notify", "fsync",     "flock",   "lseek"}) {
        assign(name, Shape::FdOnly);
    }
    assign("mmap", Shape::MmapLike);
}

void SyscallDecoder::assign(const char* name, Shape shape) {
    const long nr = syscallNumber(name);
    if (nr >= 0 && static_cast<std::size_t>(nr) < kTableSize) {
        m_shapes[static_cast<std::size_t>(nr)] = shape;
    }
}

SyscallDecoder::Shape SyscallDecoder::shapeOf(long nr) const {
    if (nr < 0 || static_cast<std::size_t>(nr) >= kTableSize) {
        return Shape::Other;
    }
    return m_shapes[static_cast<std::size_t>(nr)];
}

void SyscallDecoder::decodeEntry(SyscallRecord& call) const {
    call.name = syscallName(call.nr);
    const Shape shape = shapeOf(call.nr);
    const auto& a = call.args;
    switch (shape) {
    case Shape::Other:
        return;
    case Shape::MmapLike:
        call.fd = static_cast<int>(static_cast<std::int32_t>(a[4]));
        call.requested = a[1];
        return;
    default:
        break;
    }
    call.fd = static_cast<int>(static_cast<std::int32_t>(a[0]));
    switch (shape) {
    case Shape::WriteCount:
    case Shape::SendWholeCount:
    case Shape::WriteVector:
        call.direction = CopyDirection::UserToKernel;
        break;
    case Shape::ReadCount:
    case Shape::ReceiveCount:
    case Shape::ReadVector:
        call.direction = CopyDirection::KernelToUser;
        break;
    default:
        break;
    }
    if (shape == Shape::WriteCount || shape == Shape::ReadCount || shape == Shape::SendWholeCount ||
        shape == Shape::ReceiveCount) {
        call.requested = a[2];
    }
}

void SyscallDecoder::decodeExit(SyscallRecord& call, std::int64_t result) const {
    call.result = result;
    call.finished = true;
    call.copied = 0;
    if (call.direction == CopyDirection::None || result < 0) {
        return;
    }
    if (shapeOf(call.nr) == Shape::SendWholeCount) {
        call.copied = result == 0 ? call.requested : 0;
    } else {
        call.copied = static_cast<std::uint64_t>(result);
    }
}

} // namespace ipclab
