#pragma once

#include "mechanisms/worker/worker_context.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace ipclab {

/// A bench worker's reused channel to its peer, whatever carries it. The bench loops are written
/// once against this. Untraced and unannounced: nothing but the mechanism's own calls runs inside.
class BenchLink {
public:
    virtual ~BenchLink() = default;
    /// Moves `size` bytes to the peer (at most the cell's size). False when the channel failed.
    virtual bool send(std::size_t size) = 0;
    /// Takes `size` bytes from the peer, every byte of them read by this process.
    virtual bool receive(std::size_t size) = 0;
};

/// Opens this side of the cell's channel, named "mechanism" (see bench_engine.h for the list):
/// pipes (fds "in", "out"), FIFOs (names "requests", "responses"), POSIX queues (the same names),
/// a System V queue (name "keyfile"), a connected Unix stream socket (fd "socket"), TCP (name
/// "port" / fd "listener"), shared memory made by the engine (names "shm_name", "key_file",
/// "path"; param "region" its length), or the hybrid (fd "socket", param "threshold").
/// Throws std::runtime_error naming the call that failed.
std::unique_ptr<BenchLink> openBenchLink(const WorkerContext& context, bool client);

/// Bytes of the shared region a shared-memory cell of `size` bytes needs: two lanes (one each
/// way), each a page of notification words followed by the data, page-aligned.
std::size_t benchRegionLength(std::size_t size);

/// Reads every byte of [data, data + size) so that no compiler drops the reading.
void readAll(const std::uint8_t* data, std::size_t size);

/// FUTEX_WAIT until `word` differs from `value`; FUTEX_WAKE of every waiter on `word`. Not the
/// private variants: the words live in memory shared between processes.
void futexWaitWhile(const std::uint32_t* word, std::uint32_t value);
void futexWakeAll(const std::uint32_t* word);

} // namespace ipclab
