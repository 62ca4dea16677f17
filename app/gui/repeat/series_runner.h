#pragma once

#include "session/run_series.h"

#include <QObject>
#include <QString>
#include <memory>
#include <thread>

namespace ipclab {

/// Runs a RunSeries on its own thread and hands each finished run to the GUI thread by a queued
/// call; a generation number drops what a cancelled series left in flight. Lives on, and is
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
    bool isRunning() const { return m_running; }

signals:
    void runDone(const ipclab::SeriesRun& run, int total);
    /// The series ended, all of it done or `cancelled`.
    void finished(bool cancelled);

private:
    void join();

    std::unique_ptr<RunSeries> m_series;
    std::thread m_thread;
    std::uint64_t m_generation = 0;
    bool m_running = false;
};

} // namespace ipclab
