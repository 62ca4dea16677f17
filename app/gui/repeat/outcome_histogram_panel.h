#pragma once

#include "report/outcome_histogram.h"
#include "scenario/scenario.h"
#include "session/run_series.h"

#include <QWidget>
#include <filesystem>
#include <functional>
#include <vector>

class QBarSet;
class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace ipclab {

class SeriesRunner;

/// "Many runs": a counter scenario run again and again, untraced, and a bar chart of how many
/// updates each run lost (§13: the outcome of a race changes from run to run). Runs on the
/// series runner's thread; shows progress and can be cancelled. GUI thread only.
class OutcomeHistogramPanel : public QWidget {
    Q_OBJECT
public:
    /// `params` gives the parameters the user set for the scenario, as a run would use them.
    /// `workerPath`: ipclab-worker, empty for core's default.
    OutcomeHistogramPanel(std::filesystem::path workerPath, std::function<ParamValues()> params,
                          QWidget* parent = nullptr);

    /// The scenario the next series runs; null or a non-counter scenario disables the panel.
    void setScenario(const Scenario* scenario);
    static bool canRepeat(const Scenario& scenario);

    /// Starts a series of `runs()` runs. Returns false (and says why in the panel) when it cannot.
    bool start();
    void cancel();

    int runs() const;
    void setRuns(int runs);
    bool isRunning() const;
    const std::vector<std::int64_t>& losses() const { return m_losses; }
    const OutcomeHistogram& histogram() const { return m_histogram; }
    QString summaryText() const;
    /// The bar chart (owned by its view's scene, not a QObject child of the panel).
    QChart* chart() const { return m_chart; }

signals:
    void seriesFinished();

private:
    void setupChart();
    void onRunDone(const SeriesRun& run, int total);
    void onFinished(bool cancelled);
    void redraw();
    void setRunning(bool running);

    std::filesystem::path m_workerPath;
    std::function<ParamValues()> m_params;
    const Scenario* m_scenario = nullptr;
    SeriesRunner* m_runner;
    QSpinBox* m_runsBox;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QChart* m_chart;
    QChartView* m_chartView;
    QBarSet* m_bars = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
    QValueAxis* m_counts = nullptr;
    std::vector<std::int64_t> m_losses;
    OutcomeHistogram m_histogram;
    int m_failed = 0;
};

} // namespace ipclab
