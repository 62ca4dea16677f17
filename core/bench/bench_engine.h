#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab::bench {

/// What one cell measures (lesson §7–§9: "it depends").
enum class BenchMode {
    RoundTrip,     ///< a channel set up once and reused: `size` bytes there and `size` bytes back
    Throughput,    ///< the same channel, one way: time per message of `size` bytes in a stream of them
    SetupTeardown, ///< create, open/map, touch every page, close/unmap, remove: no data moved
    OneTime,       ///< setup + one transfer of `size` bytes + teardown, both processes taking part
};

/// Where the two worker processes run. Shown with every figure: on a virtual machine a
/// cross-CPU wake-up can cost more than the copy itself.
enum class Placement {
    SameCpu,  ///< both pinned to the first CPU this process may use
    CrossCpu, ///< pinned to the first two CPUs this process may use
    Unpinned, ///< left to the scheduler
};

/// "reused", "throughput", "setup", "one-time"; and back (nullopt for anything else).
std::string_view modeName(BenchMode mode);
std::optional<BenchMode> modeFromName(std::string_view name);
/// "same", "cross", "unpinned"; and back.
std::string_view placementName(Placement placement);
std::optional<Placement> placementFromName(std::string_view name);

/// The mechanisms the engine measures, in display order: pipe, fifo, posix-mq, sysv-mq,
/// unix-socket, tcp, sysv-shm, posix-shm, mmap-file, hybrid.
const std::vector<std::string>& benchMechanisms();
/// True for the memory-based ones (sysv-shm, posix-shm, mmap-file): the chart's "shared memory" side.
bool isSharedMemory(std::string_view mechanism);
/// 64 B, 128 B, ... up to `maxSize` (powers of two).
std::vector<std::uint64_t> powerOfTwoSizes(std::uint64_t minSize, std::uint64_t maxSize);

/// One sweep to run. Plain value; copy freely.
struct BenchSpec {
    std::vector<std::string> mechanisms = benchMechanisms();
    std::vector<std::uint64_t> sizes = powerOfTwoSizes(64, 64ull << 20);
    std::vector<BenchMode> modes{BenchMode::RoundTrip, BenchMode::Throughput, BenchMode::SetupTeardown,
                                 BenchMode::OneTime};
    Placement placement = Placement::CrossCpu;
    /// Timed samples per cell; 0 lets the engine choose from the size (fewer for big sizes, so a
    /// 64 MiB cell stays within about a second; see samplesFor()).
    int samples = 0;
    /// Untimed samples first (caches, page tables, TCP windows warm); -1: samples / 10, at least 1.
    int warmUp = -1;
    /// The hybrid (Windows LPC style, §9) copies through a Unix socket below this many bytes and
    /// hands over a memfd (SCM_RIGHTS) at and above it.
    std::uint64_t hybridThreshold = 64 * 1024;
    /// The ipclab-worker binary to start.
    std::filesystem::path workerPath;
};

/// One measured (or capped) cell: mechanism × size × mode, with where it ran.
struct BenchCell {
    std::string mechanism;
    std::uint64_t size = 0;
    BenchMode mode = BenchMode::RoundTrip;
    Placement placement = Placement::CrossCpu;
    std::string cpus; ///< where the workers actually ran: "client CPU 0, server CPU 1", "unpinned"
    /// Nanoseconds per sample (one round trip, one message, one setup+teardown, one transfer).
    double medianNs = 0.0;
    double minNs = 0.0;
    double maxNs = 0.0;
    double p10Ns = 0.0;
    double p90Ns = 0.0;
    int samples = 0; ///< timed samples behind the figures; 0 when not measured
    /// Non-empty when the cell has no figures: the kernel limit that caps it ("POSIX mq: message
    /// size 1048576 exceeds fs/mqueue/msgsize_max = 8192") or why the run failed. Never a zero.
    std::string limitNote;

    bool measured() const { return samples > 0 && limitNote.empty(); }
    /// "pipe 4 KiB reused": for progress and messages.
    std::string label() const;
};

/// A finished (or cancelled) sweep. `cells` are in the order they ran: mechanism, mode, size.
struct BenchResult {
    BenchSpec spec;
    std::vector<BenchCell> cells;
    bool cancelled = false;
    std::int64_t startedUnix = 0; ///< wall-clock seconds at the start, for "measured on ..."
};

/// Reported before each cell starts (index from 0, of total), and once more with index == total.
struct BenchProgress {
    std::size_t index = 0;
    std::size_t total = 0;
    std::string label; ///< the cell about to run ("posix-shm 1 MiB one-time"), empty at the end
};
using ProgressCallback = std::function<void(const BenchProgress&)>;

/// Timed samples for a cell of `size` bytes when the spec says 0: 200 up to 64 KiB, then halving
/// with each doubling of size, never fewer than 5. Big transfers vary little relative to their
/// length, and a 64 MiB one-time transfer takes tens of milliseconds, so this bounds a cell to
/// about a second while small cells, noisy in relative terms, get many samples.
int samplesFor(std::uint64_t size);

/// Runs the sweep with real ipclab-worker processes, untraced, two per cell. Blocking: call it
/// from a worker thread in a GUI. `progress` (may be empty) is called on the calling thread.
/// When `cancel` turns true the running cell's workers are killed, every IPC object is removed,
/// and the result so far returns with cancelled = true. Throws Error(BadUsage/BadParameter) for a
/// bad spec (unknown mechanism, size 0, no CPU for the placement) before anything starts.
BenchResult runBench(const BenchSpec& spec, const ProgressCallback& progress, const std::atomic<bool>& cancel);

} // namespace ipclab::bench
