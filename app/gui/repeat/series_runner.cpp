#include "gui/repeat/series_runner.h"

#include "common/error.h"

#include <QMetaObject>

namespace ipclab {

SeriesRunner::SeriesRunner(QObject* parent) : QObject(parent) {}

SeriesRunner::~SeriesRunner() {
    ++m_generation;
    if (m_series) {
        m_series->requestStop();
    }
    join();
}

bool SeriesRunner::start(const Scenario& scenario, const ParamValues& params, int runs,
                         const std::filesystem::path& workerPath, QString* error) {
    if (m_running) {
        *error = tr("A series is still running.");
        return false;
    }
    join();
    try {
        m_series = std::make_unique<RunSeries>(scenario, params, runs, workerPath);
    } catch (const Error& failure) {
        *error = QString::fromStdString(failure.what());
        return false;
    }
    const std::uint64_t generation = ++m_generation;
    m_running = true;
    RunSeries* series = m_series.get();
    m_thread = std::thread([this, series, generation, runs] {
        series->run([this, generation, runs](const SeriesRun& run) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, run, runs] {
                    if (generation == m_generation) {
                        emit runDone(run, runs);
                    }
                },
                Qt::QueuedConnection);
        });
        const bool cancelled = series->stopped();
        QMetaObject::invokeMethod(
            this,
            [this, generation, cancelled] {
                if (generation == m_generation) {
                    m_running = false;
                    emit finished(cancelled);
                }
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SeriesRunner::cancel() {
    if (m_series) {
        m_series->requestStop();
    }
}

void SeriesRunner::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace ipclab
