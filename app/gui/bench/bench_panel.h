#pragma once

#include "bench/bench_engine.h"

#include <QWidget>
#include <filesystem>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;

namespace ipclab {

class BenchChartView;
class BenchRunner;

struct BenchPanelOptions {
    std::filesystem::path workerPath; ///< ipclab-worker; empty: core's default
    std::filesystem::path storePath;  ///< results kept per machine; empty: ResultsStore::defaultPath()
};

/// "It depends" (lesson §7–§9): message passing against shared memory, measured untraced on this
/// machine. Runs sweeps on a BenchRunner (progress, Cancel), draws them on a BenchChartView,
/// switches between reused-channel and one-time figures, re-runs only the hybrid when its
/// threshold moves, keeps results per machine (shown at once next time), exports CSV and PNG.
/// Closing it cancels a sweep. GUI thread only.
class BenchPanel : public QWidget {
    Q_OBJECT
public:
    explicit BenchPanel(BenchPanelOptions options = {}, QWidget* parent = nullptr);

    /// The sweep the controls describe: every mechanism, 64 B up to the chosen size.
    bench::BenchSpec specFromControls() const;
    /// Starts `spec` (or the controls' sweep); false, with the reason shown, when it cannot.
    bool startSweep(const bench::BenchSpec& spec);
    bool startSweep();
    /// Measures the hybrid again at the slider's threshold, at the sizes and modes it has now.
    bool rerunHybrid();
    void cancel();
    bool isRunning() const;

    /// Shows `result` (stored or synthetic) in place of what was shown.
    void setResult(const bench::BenchResult& result);
    const bench::BenchResult& result() const { return m_result; }
    void setMode(bench::BenchMode mode);
    bench::BenchMode mode() const;
    void setPlacement(bench::Placement placement);
    bench::Placement placement() const;
    void setHybridThreshold(std::uint64_t bytes);
    std::uint64_t hybridThreshold() const;

    /// Writes the shown result as CSV; false with `error` naming the file when it cannot.
    bool exportCsv(const QString& file, QString* error) const;
    bool savePng(const QString& file) const;

    BenchChartView* chartView() const { return m_chart; }
    QProgressBar* progress() const { return m_progress; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QSlider* thresholdSlider() const { return m_threshold; }
    QLabel* headline() const { return m_headline; }
    QLabel* notes() const { return m_notes; }

signals:
    /// A sweep (or hybrid re-run) ended, completely or `cancelled`.
    void sweepFinished(bool cancelled);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* setupControls();
    QWidget* setupHybridRow();
    QWidget* setupExportRow();
    void setupConnections();
    void loadStored();
    void saveStored(const bench::BenchResult& sweep);
    void redraw();
    void onProgress(int index, int total, const QString& cell);
    void onBatch(const bench::BenchResult& batch);
    void onFinished(const bench::BenchResult& sweep, const QString& error);
    void setRunning(bool running);
    void exportCsvAsked();
    void savePngAsked();

    BenchPanelOptions m_options;
    bench::BenchResult m_result;
    BenchRunner* m_runner;
    BenchChartView* m_chart;
    QComboBox* m_modeBox = nullptr;
    QComboBox* m_placementBox = nullptr;
    QComboBox* m_sizesBox = nullptr;
    QCheckBox* m_quick = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QSlider* m_threshold = nullptr;
    QLabel* m_thresholdText = nullptr;
    QTimer* m_thresholdDelay = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_notes = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace ipclab
