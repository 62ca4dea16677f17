#include "gui/repeat/series_runner.h"

#include "common/error.h"

namespace ipclab {

SeriesRunner::SeriesRunner(QObject* parent) : QObject(parent) {}

SeriesRunner::~SeriesRunner() {
    cancel();
    m_job.shutdown();
}

bool SeriesRunner::start(const Scenario& scenario, const ParamValues& params, int runs,
                         const std::filesystem::path& workerPath, QString* error) {
    if (m_job.isRunning()) {
        *error = tr("A series is still running.");
        return false;
    }
    std::unique_ptr<RunSeries> series;
    try {
        series = std::make_unique<RunSeries>(scenario, params, runs, workerPath);
    } catch (const Error& failure) {
        *error = QString::fromStdString(failure.what());
        return false;
    }
    m_series = std::move(series); // not running: the last series' thread has ended

    m_job.start([this, series = m_series.get(), runs](const JobControl& job) -> BackgroundJob::Delivery {
        series->run(
            [this, &job, runs](const SeriesRun& run) { job.post([this, run, runs] { emit runDone(run, runs); }); });
        return [this, cancelled = series->stopped()] { emit finished(cancelled); };
    });
    return true;
}

void SeriesRunner::cancel() {
    if (m_series) {
        m_series->requestStop();
    }
}

} // namespace ipclab
