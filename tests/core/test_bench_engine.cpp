// The benchmark engine with real workers on tiny sweeps: figures exist, are finite and ordered,
// kernel limits are named, and a cancelled sweep leaves nothing behind. No speed is asserted
// except orderings whose margin is justified below.
#include "../common/ipc_leftovers.h"
#include "bench/bench_engine.h"
#include "common/error.h"
#include "observe/kernel_limits.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace ipclab::bench {
namespace {

BenchSpec tinySpec() {
    BenchSpec spec;
    spec.sizes = {64, 4096};
    spec.samples = 3;
    spec.warmUp = 1;
    spec.placement = Placement::SameCpu; // available on any machine
    spec.workerPath = IPCLAB_TEST_WORKER;
    return spec;
}

const BenchCell* find(const BenchResult& result, const std::string& mechanism, std::uint64_t size, BenchMode mode) {
    for (const BenchCell& cell : result.cells) {
        if (cell.mechanism == mechanism && cell.size == size && cell.mode == mode) {
            return &cell;
        }
    }
    return nullptr;
}

TEST(BenchEngine, EveryMechanismAndModeGivesFinitePositiveFigures) {
    const std::atomic<bool> cancel{false};
    std::vector<BenchProgress> progress;
    const BenchResult result = runBench(
        tinySpec(), [&](const BenchProgress& p) { progress.push_back(p); }, cancel);
    EXPECT_FALSE(result.cancelled);
    ASSERT_EQ(result.cells.size(), benchMechanisms().size() * 2 * 4);
    for (const BenchCell& cell : result.cells) {
        SCOPED_TRACE(cell.label() + ": " + cell.limitNote);
        // 4 KiB is below every limit a Linux kernel ships with (msgsize_max, msgmax >= 8192).
        ASSERT_TRUE(cell.measured());
        EXPECT_EQ(cell.samples, 3);
        EXPECT_TRUE(std::isfinite(cell.medianNs));
        EXPECT_GT(cell.minNs, 0.0);
        EXPECT_LE(cell.minNs, cell.p10Ns);
        EXPECT_LE(cell.p10Ns, cell.medianNs);
        EXPECT_LE(cell.medianNs, cell.p90Ns);
        EXPECT_LE(cell.p90Ns, cell.maxNs);
        EXPECT_EQ(cell.placement, Placement::SameCpu);
        EXPECT_NE(cell.cpus.find("CPU"), std::string::npos);
    }
    ASSERT_EQ(progress.size(), result.cells.size() + 1);
    EXPECT_EQ(progress.front().label, "pipe 64 B reused");
    EXPECT_EQ(progress.back().index, progress.back().total);
    EXPECT_EQ(test::childCount(), 0);
}

TEST(BenchEngine, PipeOneTimeTransferOfFourMiBCostsMoreThanOfFourKiB) {
    // 4 MiB crosses the kernel twice (write copies in, read copies out): at even 20 GiB/s that
    // is 0.4 ms, and the pipe's 64 KiB buffer forces some 64 wake-ups more. 4 KiB is one
    // write and one read. A factor of 4 leaves a wide margin for a noisy machine; a median of
    // 5 samples is not moved by one preempted sample.
    BenchSpec spec = tinySpec();
    spec.mechanisms = {"pipe"};
    spec.modes = {BenchMode::OneTime};
    spec.sizes = {4096, 4u << 20};
    spec.samples = 5;
    const std::atomic<bool> cancel{false};
    const BenchResult result = runBench(spec, {}, cancel);
    const BenchCell* small = find(result, "pipe", 4096, BenchMode::OneTime);
    const BenchCell* large = find(result, "pipe", 4u << 20, BenchMode::OneTime);
    ASSERT_TRUE(small && small->measured() && large && large->measured());
    EXPECT_GT(large->medianNs, 4 * small->medianNs);
}

TEST(BenchEngine, AKernelLimitIsNamedInsteadOfAFigure) {
    const auto limit = KernelLimits::read().mqMsgsizeMax;
    ASSERT_TRUE(limit.has_value());
    BenchSpec spec = tinySpec();
    spec.mechanisms = {"posix-mq", "sysv-mq"};
    spec.modes = {BenchMode::RoundTrip};
    spec.sizes = {static_cast<std::uint64_t>(std::max<std::int64_t>(*limit, 1 << 16)) * 2};
    const std::atomic<bool> cancel{false};
    const BenchResult result = runBench(spec, {}, cancel);
    ASSERT_EQ(result.cells.size(), 2u);
    EXPECT_FALSE(result.cells[0].measured());
    EXPECT_NE(result.cells[0].limitNote.find("msgsize_max"), std::string::npos) << result.cells[0].limitNote;
    EXPECT_EQ(result.cells[0].medianNs, 0.0);
    EXPECT_NE(result.cells[1].limitNote.find("msgm"), std::string::npos) << result.cells[1].limitNote;
}

TEST(BenchEngine, CancelMidSweepStopsTheWorkersAndLeavesNothingBehind) {
    const auto before = test::ipclabObjects();
    BenchSpec spec = tinySpec();
    // Each of these holds named kernel objects while it runs; many samples keep it running.
    spec.mechanisms = {"posix-shm", "sysv-shm", "sysv-mq", "posix-mq", "fifo", "mmap-file"};
    spec.modes = {BenchMode::OneTime, BenchMode::RoundTrip};
    spec.sizes = {4096};
    spec.samples = 1'000'000;
    std::atomic<bool> cancel{false};
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    const BenchResult result = runBench(spec, {}, cancel);
    canceller.join();
    EXPECT_TRUE(result.cancelled);
    EXPECT_TRUE(result.cells.empty()); // the one cell that ran was cut short: no figures
    EXPECT_EQ(test::childCount(), 0);
    const auto left = test::leftoversSince(before, ::getpid());
    EXPECT_TRUE(left.empty()) << *left.begin();
}

TEST(BenchEngine, BadSpecsAreRefusedBeforeAnythingStarts) {
    const std::atomic<bool> cancel{false};
    BenchSpec spec = tinySpec();
    spec.mechanisms = {"carrier-pigeon"};
    EXPECT_THROW(runBench(spec, {}, cancel), Error);
    spec = tinySpec();
    spec.sizes = {0};
    EXPECT_THROW(runBench(spec, {}, cancel), Error);
}

TEST(BenchEngine, DefaultSamplesShrinkForLargeSizes) {
    EXPECT_EQ(samplesFor(64), 200);
    EXPECT_EQ(samplesFor(64 * 1024), 200);
    EXPECT_EQ(samplesFor(128 * 1024), 100);
    EXPECT_EQ(samplesFor(64u << 20), 5);
    EXPECT_EQ(powerOfTwoSizes(64, 64u << 20).size(), 21u);
}

} // namespace
} // namespace ipclab::bench
