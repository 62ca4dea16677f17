// The "it depends" chart from synthetic results (no processes): log axes, one line per
// mechanism, the crossing between message passing and shared memory marked where it is, capped
// cells never drawn as points, and CSV that parses back.
#include "../common/csv_fields.h"
#include "gui/bench/bench_chart_data.h"
#include "gui/bench/bench_chart_view.h"
#include "gui/bench/bench_panel.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTemporaryDir>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace ipclab {
namespace {

using bench::BenchCell;
using bench::BenchMode;
using bench::Placement;

BenchCell cell(const std::string& mechanism, std::uint64_t size, double ns, BenchMode mode = BenchMode::OneTime) {
    BenchCell c;
    c.mechanism = mechanism;
    c.size = size;
    c.mode = mode;
    c.placement = Placement::CrossCpu;
    c.cpus = "client CPU 0, server CPU 1";
    c.medianNs = c.minNs = c.p10Ns = c.p90Ns = c.maxNs = ns;
    c.samples = 9;
    return c;
}

/// Pipe: 20 µs + 0.5 ns/byte; POSIX shm: 100 µs + 0.05 ns/byte. They cross at 80000 / 0.45
/// bytes, about 174 KiB. At 128 KiB the two are within the 25% tie band, so the crossing is
/// placed between the last clear order (64 KiB) and the first clear reversal (256 KiB).
bench::BenchResult syntheticResult() {
    bench::BenchResult result;
    result.spec.placement = Placement::CrossCpu;
    result.startedUnix = 1764190000;
    for (std::uint64_t size = 64; size <= (1u << 20); size *= 2) {
        const double bytes = static_cast<double>(size);
        result.cells.push_back(cell("pipe", size, 20000 + 0.5 * bytes));
        result.cells.push_back(cell("posix-shm", size, 100000 + 0.05 * bytes));
    }
    return result;
}

TEST(BenchChartData, FindsWhereSharedMemoryStartsToWinOneTimeTransfers) {
    const ChartData data = chartDataFor(syntheticResult(), BenchMode::OneTime, Placement::CrossCpu);
    ASSERT_EQ(data.lines.size(), 2u);
    EXPECT_EQ(data.lines[0].mechanism, "pipe");
    EXPECT_EQ(data.lines[0].points.size(), 15u);
    EXPECT_EQ(data.cpus, "client CPU 0, server CPU 1");
    ASSERT_EQ(data.crossings.size(), 1u);
    const ChartCrossing& crossing = data.crossings.front();
    EXPECT_EQ(crossing.crossover.cheaper, "shared memory");
    EXPECT_EQ(crossing.cheaperBest, "posix-shm");
    EXPECT_EQ(crossing.costlierBest, "pipe");
    EXPECT_EQ(crossing.crossover.sizeBelow, 64.0 * 1024);
    EXPECT_EQ(crossing.crossover.sizeAbove, 256.0 * 1024);
    EXPECT_GT(crossing.timeNs, 20000 + 0.5 * 128 * 1024);
    EXPECT_LT(crossing.timeNs, 100000 + 0.05 * 256 * 1024);
    const std::string sentence = crossingSentence(crossing, BenchMode::OneTime);
    EXPECT_NE(sentence.find("shared memory (posix-shm) wins one-time transfers above about"), std::string::npos)
        << sentence;
    // Another mode or placement has no cells: nothing to draw.
    EXPECT_FALSE(chartDataFor(syntheticResult(), BenchMode::RoundTrip, Placement::CrossCpu).hasPoints());
    EXPECT_FALSE(chartDataFor(syntheticResult(), BenchMode::OneTime, Placement::SameCpu).hasPoints());
}

TEST(BenchChartView, DrawsLogLogLinesAndTheCrossingStarAtItsSize) {
    BenchChartView view;
    view.resize(1200, 700);
    view.show();
    view.setData(chartDataFor(syntheticResult(), BenchMode::OneTime, Placement::CrossCpu), 65536);
    ASSERT_EQ(view.lines().size(), 2);
    for (QLineSeries* line : view.lines()) {
        EXPECT_EQ(line->count(), 15);
        const QList<QAbstractAxis*> axes = line->attachedAxes();
        ASSERT_EQ(axes.size(), 2);
        EXPECT_NE(qobject_cast<QLogValueAxis*>(axes[0]), nullptr);
        EXPECT_NE(qobject_cast<QLogValueAxis*>(axes[1]), nullptr);
    }
    EXPECT_EQ(view.lines()[0]->at(0).x(), 64.0) << "x in bytes";
    EXPECT_NEAR(view.lines()[0]->at(0).y(), 20.032, 1e-9) << "y in µs";
    EXPECT_LE(view.sizeAxis()->min(), 64.0);
    EXPECT_GE(view.sizeAxis()->max(), 1024.0 * 1024);
    EXPECT_TRUE(view.timeAxis()->titleText().contains("µs"));
    EXPECT_TRUE(view.sizeAxis()->titleText().contains("size"));
    ASSERT_NE(view.crossingMarkers(), nullptr);
    ASSERT_EQ(view.crossingMarkers()->count(), 1);
    const double at = view.crossingMarkers()->at(0).x();
    EXPECT_GT(at, 128.0 * 1024);
    EXPECT_LT(at, 256.0 * 1024);
    ASSERT_EQ(view.crossingLabels().size(), 1);
    EXPECT_TRUE(view.crossingLabels().front().startsWith("shared memory wins above ~"))
        << view.crossingLabels().front().toStdString();
    EXPECT_TRUE(view.pointText(view.lines()[0], 4096).contains("median")) << "hover text";
}

TEST(BenchChartView, ACellCappedByAKernelLimitIsNeverAPoint) {
    bench::BenchResult result = syntheticResult();
    for (std::uint64_t size = 64; size <= (1u << 20); size *= 2) {
        BenchCell c = cell("posix-mq", size, 30000);
        if (size >= 16384) {
            c.medianNs = c.minNs = c.p10Ns = c.p90Ns = c.maxNs = 0;
            c.samples = 0;
            c.limitNote = "POSIX mq: message size exceeds fs/mqueue/msgsize_max = 8192";
        }
        result.cells.push_back(c);
    }
    QTemporaryDir dir;
    BenchPanel panel(BenchPanelOptions{IPCLAB_TEST_WORKER, dir.filePath("none.json").toStdString()});
    panel.setResult(result);
    panel.setMode(BenchMode::OneTime);
    QLineSeries* mq = nullptr;
    for (QLineSeries* line : panel.chartView()->lines()) {
        if (line->name().startsWith("posix-mq")) {
            mq = line;
        }
    }
    ASSERT_NE(mq, nullptr);
    EXPECT_EQ(mq->count(), 8) << "64 B to 8 KiB measured; 16 KiB and up capped";
    for (int i = 0; i < mq->count(); ++i) {
        EXPECT_GT(mq->at(i).y(), 0.0);
        EXPECT_LT(mq->at(i).x(), 16384.0);
    }
    EXPECT_TRUE(mq->name().contains("kernel limit")) << mq->name().toStdString();
    EXPECT_TRUE(panel.notes()->text().contains("msgsize_max")) << panel.notes()->text().toStdString();
}

TEST(BenchPanel, ExportsCsvThatParsesBack) {
    bench::BenchResult result = syntheticResult();
    BenchCell capped = cell("sysv-mq", 1u << 20, 0);
    capped.samples = 0;
    capped.limitNote = "SysV mq: 1 MiB exceeds kernel.msgmax = 8192, \"capped\"";
    result.cells.push_back(capped);
    QTemporaryDir dir;
    BenchPanel panel(BenchPanelOptions{IPCLAB_TEST_WORKER, dir.filePath("store.json").toStdString()});
    panel.setResult(result);
    const QString file = dir.filePath("out.csv");
    QString error;
    ASSERT_TRUE(panel.exportCsv(file, &error)) << error.toStdString();
    std::ifstream in(file.toStdString());
    std::string line;
    ASSERT_TRUE(std::getline(in, line));
    const std::vector<std::string> header = test::csvFields(line);
    ASSERT_EQ(header.size(), 12u);
    EXPECT_EQ(header[0], "mechanism");
    EXPECT_EQ(header[6], "median_ns");
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = test::csvFields(line);
        ASSERT_EQ(fields.size(), 12u) << line;
        EXPECT_EQ(fields[4], "client CPU 0, server CPU 1");
        if (fields[0] == "sysv-mq") {
            EXPECT_TRUE(fields[6].empty()) << "no figure, not a zero";
            EXPECT_EQ(fields[11], capped.limitNote);
        } else {
            EXPECT_GT(std::stod(fields[6]), 0.0);
            EXPECT_GT(std::stoull(fields[2]), 0u);
        }
        ++rows;
    }
    EXPECT_EQ(rows, result.cells.size());
    EXPECT_TRUE(panel.savePng(dir.filePath("chart.png")));
    EXPECT_GT(QFileInfo(dir.filePath("chart.png")).size(), 0);
}

} // namespace
} // namespace ipclab
