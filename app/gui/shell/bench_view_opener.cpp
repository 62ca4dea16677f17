#include "gui/shell/bench_view_opener.h"

#include "gui/bench/bench_chart_view.h"
#include "gui/bench/bench_panel.h"
#include "gui/shell/main_window.h"

#include <QApplication>
#include <QTimer>
#include <cstdio>

namespace ipclab {

namespace {

constexpr int kSettleMs = 900;
constexpr std::uint64_t kShortSweepMax = std::uint64_t{64} << 20;
constexpr int kShortSweepSamples = 20;
constexpr int kSweepTimeoutMs = 30 * 60 * 1000; ///< a full sweep on a slow machine

void saveAndQuit(BenchPanel* panel, const QString& file) {
    const bool saved = panel->grab().save(file);
    std::fprintf(stderr, saved ? "ipclab: saved %s\n" : "ipclab: could not save %s\n", qPrintable(file));
    QApplication::exit(saved ? 0 : 1);
}

} // namespace

bool openBenchView(MainWindow& window, const QString& screenshotFile, int afterMs, const QString& mode) {
    const auto chosen = bench::modeFromName(mode.toStdString());
    if (!mode.isEmpty() && !chosen) {
        std::fprintf(stderr, "ipclab: --bench-mode must be reused, throughput, setup or one-time, not '%s'\n",
                     qPrintable(mode));
        return false;
    }
    window.showItDepends();
    BenchPanel* panel = window.itDepends();
    if (chosen) {
        panel->setMode(*chosen);
    }
    if (screenshotFile.isEmpty()) {
        return true;
    }
    const bool kept = panel->chartView()->data().hasPoints();
    if (!kept) {
        QTimer::singleShot(300, panel, [panel] {
            // A short sweep: every fourth power of two and 20 samples a cell, a few minutes.
            bench::BenchSpec spec = panel->specFromControls();
            spec.sizes.clear();
            for (std::uint64_t size = 64; size <= kShortSweepMax; size *= 4) {
                spec.sizes.push_back(size);
            }
            spec.samples = kShortSweepSamples;
            spec.warmUp = 1;
            if (!panel->startSweep(spec)) {
                QApplication::exit(1);
            }
        });
        QObject::connect(panel, &BenchPanel::sweepFinished, panel, [panel, screenshotFile] {
            QTimer::singleShot(kSettleMs, panel, [panel, screenshotFile] { saveAndQuit(panel, screenshotFile); });
        });
        QTimer::singleShot(kSweepTimeoutMs, panel, [] {
            std::fprintf(stderr, "ipclab: the sweep did not finish in time\n");
            QApplication::exit(1);
        });
    }
    if (afterMs > 0 || kept) {
        QTimer::singleShot(afterMs > 0 ? afterMs : kSettleMs, panel,
                           [panel, screenshotFile] { saveAndQuit(panel, screenshotFile); });
    }
    return true;
}

} // namespace ipclab
