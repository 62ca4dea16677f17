#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace ipclab {

/// The large-message half of the LPC-style hybrid (lesson §9): memfd_create, ftruncate, mmap,
/// fill every byte, munmap, then sendmsg of the fd with SCM_RIGHTS over the Unix socket `socket`,
/// and close. Only the kernel's descriptor crosses the socket; the pages are shared, not copied.
bool sendInMemfd(int socket, std::size_t size);
/// The receiver: recvmsg the fd, mmap it, read every byte, munmap, close.
bool receiveMemfd(int socket, std::size_t size);

/// One small control message over a Unix socket: an 8-byte value, and optionally one fd passed
/// with SCM_RIGHTS (-1: none). False when the peer is gone.
bool sendControl(int socket, std::uint64_t value, int passFd = -1);
/// The value; the fd that came with it (or -1) through `receivedFd`. nullopt when the peer is gone.
std::optional<std::uint64_t> receiveControl(int socket, int* receivedFd = nullptr);

} // namespace ipclab
