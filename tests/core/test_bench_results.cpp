// Pure pieces of the benchmark: crossover detection on synthetic series, statistics, and the
// per-machine results file.
#include "bench/crossover.h"
#include "bench/results_store.h"
#include "common/error.h"
#include "mechanisms/timing/bench_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <unistd.h>

namespace ipclab::bench {
namespace {

/// time = fixed + perByte * size at the powers of two from 64 B to 64 MiB.
std::vector<SeriesPoint> line(double fixedNs, double perByteNs) {
    std::vector<SeriesPoint> points;
    for (const std::uint64_t size : powerOfTwoSizes(64, 64u << 20)) {
        points.push_back({static_cast<double>(size), fixedNs + perByteNs * static_cast<double>(size)});
    }
    return points;
}

TEST(BenchCrossover, SharedMemoryOvertakesCopyingWhereTheLinesCross) {
    // Copying: 2 µs + 0.5 ns/byte. Mapping: 50 µs + 0.1 ns/byte. Equal at 48000 / 0.4 = 120000 B.
    const auto found = findCrossovers("pipe", line(2000, 0.5), "posix-shm", line(50000, 0.1));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cheaper, "posix-shm");
    EXPECT_EQ(found[0].costlier, "pipe");
    EXPECT_EQ(found[0].sizeBelow, 65536.0);
    EXPECT_EQ(found[0].sizeAbove, 131072.0);
    // Interpolated on log-log axes between the two measured sizes: near, not exactly, 120000.
    EXPECT_GT(found[0].size, 100000.0);
    EXPECT_LT(found[0].size, 131072.0);
    EXPECT_NE(describe(found[0]).find("posix-shm becomes cheaper than pipe"), std::string::npos);
}

TEST(BenchCrossover, ExactPowerLawsCrossAtTheComputedSize) {
    // a = size, b = 4096 * sqrt(size): equal where sqrt(size) = 4096, at 16 MiB... and the
    // log-log interpolation of two straight lines is exact.
    std::vector<SeriesPoint> a;
    std::vector<SeriesPoint> b;
    for (double size = 1024; size <= (1u << 30); size *= 8) {
        a.push_back({size, size});
        b.push_back({size, 4096 * std::sqrt(size)});
    }
    const auto found = findCrossovers("a", a, "b", b);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cheaper, "b");
    EXPECT_NEAR(found[0].size, 16777216.0, 1.0);
}

TEST(BenchCrossover, NoCrossingTiesAndGaps) {
    EXPECT_TRUE(findCrossovers("a", line(1000, 1), "b", line(2000, 2)).empty()); // a always cheaper
    // Equal at one size and then the same order again: a touch, not a crossing.
    const std::vector<SeriesPoint> a{{64, 1}, {128, 2}, {256, 3}};
    const std::vector<SeriesPoint> b{{64, 2}, {128, 2}, {256, 4}};
    EXPECT_TRUE(findCrossovers("a", a, "b", b).empty());
    // Only common sizes count; non-positive times are ignored.
    const std::vector<SeriesPoint> c{{64, 5}, {100, 0}, {256, 1}};
    const std::vector<SeriesPoint> d{{64, 1}, {100, 9}, {256, 5}, {512, 1}};
    const auto found = findCrossovers("c", c, "d", d);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].sizeBelow, 64.0);
    EXPECT_EQ(found[0].sizeAbove, 256.0);
}

TEST(BenchCrossover, JitterInsideTheTieBandIsNoCrossing) {
    // b wobbles around a by 10% and then falls far below it at 1024.
    const std::vector<SeriesPoint> a{{64, 100}, {128, 100}, {256, 100}, {512, 100}, {1024, 100}};
    const std::vector<SeriesPoint> b{{64, 200}, {128, 95}, {256, 108}, {512, 92}, {1024, 40}};
    EXPECT_EQ(findCrossovers("a", a, "b", b).size(), 3u); // every wobble, without a band
    const auto found = findCrossovers("a", a, "b", b, 1.25);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cheaper, "b");
    EXPECT_EQ(found[0].sizeBelow, 64.0);
    EXPECT_EQ(found[0].sizeAbove, 1024.0);
}

TEST(BenchCrossover, TwoCrossingsBothReported) {
    const std::vector<SeriesPoint> a{{64, 1}, {128, 5}, {256, 1}};
    const std::vector<SeriesPoint> b{{64, 2}, {128, 2}, {256, 2}};
    const auto found = findCrossovers("a", a, "b", b);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].cheaper, "b");
    EXPECT_EQ(found[1].cheaper, "a");
}

TEST(BenchCrossover, FromAResultUsesMeasuredCellsOnly) {
    BenchResult result;
    auto add = [&](const std::string& mechanism, std::uint64_t size, double median, const std::string& note = {}) {
        BenchCell cell;
        cell.mechanism = mechanism;
        cell.size = size;
        cell.mode = BenchMode::OneTime;
        cell.medianNs = median;
        cell.samples = note.empty() ? 5 : 0;
        cell.limitNote = note;
        result.cells.push_back(cell);
    };
    add("pipe", 64, 10);
    add("pipe", 128, 40);
    add("posix-shm", 64, 20);
    add("posix-shm", 128, 30);
    add("posix-mq", 64, 1);
    add("posix-mq", 128, 0, "capped: limit");
    EXPECT_EQ(findCrossovers(result, "pipe", "posix-shm", BenchMode::OneTime).size(), 1u);
    EXPECT_EQ(seriesOf(result, "posix-mq", BenchMode::OneTime).size(), 1u);
    EXPECT_TRUE(findCrossovers(result, "pipe", "posix-shm", BenchMode::RoundTrip).empty());
}

TEST(BenchStats, MedianSpreadAndBatches) {
    const BenchStats odd = statsOf({50, 10, 40, 20, 30});
    EXPECT_EQ(odd.medianNs, 30.0);
    EXPECT_EQ(odd.minNs, 10.0);
    EXPECT_EQ(odd.maxNs, 50.0);
    EXPECT_EQ(odd.samples, 5);
    EXPECT_EQ(statsOf({10, 20, 30, 40}).medianNs, 25.0);
    EXPECT_EQ(statsOf({640, 1280}, 64).medianNs, 15.0); // per message of a batch of 64
    EXPECT_EQ(statsOf({}).samples, 0);
    const auto parsed = parseBenchReport(benchReport(odd));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->medianNs, 30.0);
    EXPECT_EQ(parsed->samples, 5);
    EXPECT_FALSE(parseBenchReport("3 of 3 requests echoed").has_value());
}

class ResultsStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() / ("ipclab-store-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    static BenchResult resultWith(double median, const std::string& mechanism = "pipe") {
        BenchResult result;
        result.startedUnix = 1700000000;
        BenchCell cell;
        cell.mechanism = mechanism;
        cell.size = 4096;
        cell.cpus = "both on CPU 0";
        cell.placement = Placement::SameCpu;
        cell.medianNs = cell.minNs = cell.maxNs = cell.p10Ns = cell.p90Ns = median;
        cell.samples = 7;
        result.cells.push_back(cell);
        BenchCell capped = cell;
        capped.mechanism = "sysv-mq";
        capped.samples = 0;
        capped.limitNote = "capped: kernel.msgmax = 8192";
        result.cells.push_back(capped);
        return result;
    }

    std::filesystem::path m_dir;
};

TEST_F(ResultsStoreTest, KeepsResultsPerMachineAndMergesRemeasuredCells) {
    const ResultsStore store(m_dir / "ipclab" / "bench-results.json");
    const MachineId here{"host-a", "CPU A", "6.1.0"};
    const MachineId there{"host-b", "CPU B", "6.1.0"};
    EXPECT_FALSE(store.load(here).has_value());
    store.save(here, resultWith(100));
    store.save(there, resultWith(999));
    store.save(here, resultWith(50));
    store.save(here, resultWith(70, "fifo"));
    const auto loaded = store.load(here);
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(loaded->cells.size(), 3u); // fifo, pipe (replaced by 50), sysv-mq (capped)
    for (const BenchCell& cell : loaded->cells) {
        if (cell.mechanism == "pipe") {
            EXPECT_EQ(cell.medianNs, 50.0);
            EXPECT_EQ(cell.cpus, "both on CPU 0");
            EXPECT_EQ(cell.placement, Placement::SameCpu);
        } else if (cell.mechanism == "sysv-mq") {
            EXPECT_FALSE(cell.measured());
            EXPECT_EQ(cell.limitNote, "capped: kernel.msgmax = 8192");
        }
    }
    EXPECT_EQ(store.load(there)->cells.front().medianNs, 999.0);
}

TEST_F(ResultsStoreTest, ACorruptFileIsReportedNotOverwritten) {
    std::filesystem::create_directories(m_dir);
    std::ofstream(m_dir / "bench-results.json") << "{ not json";
    const ResultsStore store(m_dir / "bench-results.json");
    EXPECT_THROW(store.load(MachineId::current()), Error);
}

TEST(ResultsStorePath, FollowsXdgDataHome) {
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("XDG_DATA_HOME", "/somewhere/data", 1);
    EXPECT_EQ(ResultsStore::defaultPath(), std::filesystem::path("/somewhere/data/ipclab/bench-results.json"));
    if (old != nullptr) {
        ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
    } else {
        ::unsetenv("XDG_DATA_HOME");
    }
    EXPECT_FALSE(MachineId::current().key().empty());
}

} // namespace
} // namespace ipclab::bench
