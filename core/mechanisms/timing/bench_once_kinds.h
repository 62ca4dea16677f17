#pragma once

#include "mechanisms/timing/bench_once.h"

namespace ipclab {

// The BenchOnce of each kind of mechanism; makeBenchOnce() picks one.

/// Anonymous pipe (its read end passed to the peer with SCM_RIGHTS over ctl), FIFO, POSIX and
/// System V message queues (one message of `size` bytes, the queue sized for exactly one).
std::unique_ptr<BenchOnce> makePipeOnce(std::size_t size);
std::unique_ptr<BenchOnce> makeFifoOnce(const WorkerContext& context, std::size_t size);
std::unique_ptr<BenchOnce> makePosixMqOnce(const WorkerContext& context, std::size_t size);
std::unique_ptr<BenchOnce> makeSysvMqOnce(const WorkerContext& context, std::size_t size);

/// A Unix stream socket at a path or TCP on loopback: listen, connect, accept, one transfer.
/// The hybrid uses the Unix socket and above `threshold` hands over a memfd instead of copying.
std::unique_ptr<BenchOnce> makeSocketOnce(const WorkerContext& context, std::size_t size, bool tcp,
                                          std::size_t threshold);

/// System V segment, POSIX object or mapped file: the creator fills it, the peer reads it all.
std::unique_ptr<BenchOnce> makeShmOnce(const WorkerContext& context, std::size_t size);

} // namespace ipclab
