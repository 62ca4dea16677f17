#pragma once

namespace ipclab {

/// System V keys of ipclab's objects all start with this byte (ftok's project id), so that
/// `ipcs` output and the leftover check can tell ours apart. Session and workers both use it.
inline constexpr int kSysvProjectId = 0x1b;

} // namespace ipclab
