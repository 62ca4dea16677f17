#pragma once

#include "mechanisms/worker/worker_context.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ipclab {

/// The per-sample work of the bench's "setup" and "one-time" modes: each sample creates the
/// mechanism's objects from scratch and removes them again. Object names come from the engine
/// (names "once_path", "once_posix", "once_keyfile"), so the engine can remove whatever a
/// killed worker left. Methods throw std::runtime_error naming the call that failed.
class BenchOnce {
public:
    virtual ~BenchOnce() = default;
    /// Create, open/map, touch every page, close/unmap, remove: this process alone, no data moved.
    virtual void setupTeardown() = 0;
    /// The creating side of one one-time transfer: creates the object, tells the peer on `ctl`
    /// (a Unix socket pair the engine made; one small control message each way per sample, the
    /// same for every mechanism), sends `size` bytes, waits for the peer's "done", tears down.
    virtual void createAndSend(int ctl) = 0;
    /// The peer: waits on `ctl`, opens/attaches, reads every byte, detaches, says "done".
    virtual void openAndReceive(int ctl) = 0;
};

/// The BenchOnce of the mechanism named "mechanism", for params "size" (and "threshold").
std::unique_ptr<BenchOnce> makeBenchOnce(const WorkerContext& context);

/// Throws std::runtime_error("what: strerror(errno)") unless `ok`.
void requireCall(bool ok, const std::string& what);

} // namespace ipclab
