#pragma once

#include "common/unique_fd.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace ipclab {

// The sockets a run or a benchmark cell prepares before any worker starts. Every
// function throws Error naming the object when the kernel refuses, and leaves nothing behind.

/// A Unix stream socket bound to `path` (created exclusively: bind fails if anything is there),
/// mode 0600, listening with room for one waiting client. Close-on-exec; handed over as a channel.
UniqueFd listeningUnixSocket(const std::filesystem::path& path);

/// A Unix datagram socket bound to `path`, mode 0600.
UniqueFd boundUnixDatagramSocket(const std::filesystem::path& path);

/// A TCP socket listening on 127.0.0.1 on a port the kernel picks, returned in `port`.
UniqueFd listeningLoopbackSocket(std::uint16_t& port);

/// getsockopt(SO_SNDBUF): the bytes the kernel lets this socket have in flight, its own
/// bookkeeping included.
std::uint64_t sendBufferSize(int fd);

/// A number from /proc/sys, or Error(SystemError) naming the file when it cannot be read.
std::uint64_t requireProcSys(const std::string& key);

/// The last of the numbers in /proc/sys/net/ipv4/tcp_rmem: how large autotuning may grow a TCP
/// socket's receive buffer.
std::uint64_t tcpReceiveBufferMax();

} // namespace ipclab
