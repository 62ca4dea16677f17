#pragma once

#include "gui/common/background_job.h"
#include "session/run_series.h"

#include <QObject>
#include <QString>
#include <memory>

namespace ipclab {

/// Runs a RunSeries on its own thread and hands each finished run to the GUI thread by a queued
/// call; its BackgroundJob drops what an abandoned series left in flight. Lives on, and is
/// called from, the GUI thread only.
class SeriesRunner : public QObject {
    Q_OBJECT
public:
    explicit SeriesRunner(QObject* parent = nullptr);
    /// Stops a series in progress and waits for its thread: no child outlives the runner.
    ~SeriesRunner() override;

    /// Returns false with `error` set when the series cannot start (not a counter scenario, a bad
    /// parameter or run count) or one is still going; nothing was started then.
    bool start(const Scenario& scenario, const ParamValues& params, int runs, const std::filesystem::path& workerPath,
               QString* error);
    /// Asks the series to end: the run under way is stopped, its objects removed; finished() follows.
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

signals:
    void runDone(const ipclab::SeriesRun& run, int total);
    /// The series ended, all of it done or `cancelled`.
    void finished(bool cancelled);

private:
    std::unique_ptr<RunSeries> m_series;
    BackgroundJob m_job; ///< after the series: its thread is joined before the series goes
};

} // namespace ipclab
