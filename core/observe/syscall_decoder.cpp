#include "observe/syscall_decoder.h"

#include "observe/syscall_names.h"

namespace ipclab {

SyscallDecoder::SyscallDecoder() {
    using H = Handle;
    using D = Data;
    for (const char* name : {"write", "pwrite64", "sendto"}) {
        assign(name, {H::Fd, D::WriteCount});
    }
    for (const char* name : {"read", "pread64", "recvfrom"}) {
        assign(name, {H::Fd, D::ReadCount});
    }
    for (const char* name : {"writev", "pwritev", "pwritev2", "sendmsg"}) {
        assign(name, {H::Fd, D::WriteVector});
    }
    for (const char* name : {"readv", "preadv", "preadv2", "recvmsg"}) {
        assign(name, {H::Fd, D::ReadVector});
    }
    assign("mq_timedsend", {H::Fd, D::SendWhole});
    assign("mq_timedreceive", {H::Fd, D::ReceiveCount});
    assign("msgsnd", {H::SysvId, D::SendWhole});
    assign("msgrcv", {H::SysvId, D::ReceiveCount});
    for (const char* name : {"msgctl", "semop", "semtimedop", "semctl", "shmat", "shmctl"}) {
        assign(name, {H::SysvId, D::None});
    }
    for (const char* name :
         {"close",      "fstat",      "ioctl",         "fcntl",     "ftruncate", "dup",     "dup2",
          "dup3",       "shutdown",   "bind",          "listen",    "accept",    "accept4", "connect",
          "getsockopt", "setsockopt", "mq_getsetattr", "mq_notify", "fsync",     "flock",   "lseek"}) {
        assign(name, {H::Fd, D::None});
    }
    assign("mmap", {H::FdArg4, D::SizeOnly, 1});
    assign("munmap", {H::None, D::SizeOnly, 1});
    assign("shmget", {H::None, D::SizeOnly, 1});
}

void SyscallDecoder::assign(const char* name, Traits traits) {
    const long nr = syscallNumber(name);
    if (nr >= 0 && static_cast<std::size_t>(nr) < kTableSize) {
        m_traits[static_cast<std::size_t>(nr)] = traits;
    }
}

const SyscallDecoder::Traits& SyscallDecoder::traitsOf(long nr) const {
    static const Traits none{};
    if (nr < 0 || static_cast<std::size_t>(nr) >= kTableSize) {
        return none;
    }
    return m_traits[static_cast<std::size_t>(nr)];
}

void SyscallDecoder::decodeEntry(SyscallRecord& call) const {
    call.name = syscallName(call.nr);
    const Traits& traits = traitsOf(call.nr);
    const auto asInt = [](std::uint64_t value) { return static_cast<int>(static_cast<std::int32_t>(value)); };
    switch (traits.handle) {
    case Handle::Fd:
        call.fd = asInt(call.args[0]);
        break;
    case Handle::FdArg4:
        call.fd = asInt(call.args[4]);
        break;
    case Handle::SysvId:
        call.ipcId = asInt(call.args[0]);
        break;
    case Handle::None:
        break;
    }
    switch (traits.data) {
    case Data::WriteCount:
    case Data::SendWhole:
    case Data::WriteVector:
        call.direction = CopyDirection::UserToKernel;
        break;
    case Data::ReadCount:
    case Data::ReceiveCount:
    case Data::ReadVector:
        call.direction = CopyDirection::KernelToUser;
        break;
    case Data::SizeOnly:
    case Data::None:
        break;
    }
    if (traits.data != Data::None && traits.data != Data::WriteVector && traits.data != Data::ReadVector) {
        call.requested = call.args[traits.sizeArg];
    }
}

void SyscallDecoder::decodeExit(SyscallRecord& call, std::int64_t result) const {
    call.result = result;
    call.finished = true;
    call.copied = 0;
    if (call.direction == CopyDirection::None || result < 0) {
        return;
    }
    if (traitsOf(call.nr).data == Data::SendWhole) {
        call.copied = result == 0 ? call.requested : 0;
    } else {
        call.copied = static_cast<std::uint64_t>(result);
    }
}

} // namespace ipclab
