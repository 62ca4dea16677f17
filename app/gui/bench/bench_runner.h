#pragma once

#include "bench/bench_engine.h"
#include "gui/common/background_job.h"

#include <QObject>
#include <QString>

namespace ipclab {

/// Runs a benchmark sweep (core/bench, untraced) on its own thread, one mechanism at a time, and
/// hands each mechanism's cells to the GUI thread by a queued call as an immutable value, so the
/// chart fills in batches. Its BackgroundJob drops what an abandoned sweep left in flight.
/// Lives on, and is called from, the GUI thread only.
class BenchRunner : public QObject {
    Q_OBJECT
public:
    explicit BenchRunner(QObject* parent = nullptr);
    /// Cancels a sweep in progress and waits for its thread: no worker outlives the runner.
    ~BenchRunner() override;

    /// Returns false with `error` set when the sweep cannot start (one is still going, no
    /// mechanism or size, the placement needs more CPUs than this process may use); nothing was
    /// started then.
    bool start(const bench::BenchSpec& spec, QString* error);
    /// Asks the sweep to end: the running cell's workers are killed and its objects removed;
    /// finished() follows with what was measured so far.
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }

signals:
    /// Before each cell (`index` from 0) and once with index == total. Throttled.
    void progressed(int index, int total, const QString& cell);
    /// One mechanism's cells, all measured (or capped) with the sweep's spec.
    void batchDone(const ipclab::bench::BenchResult& batch);
    /// The sweep ended: everything it measured, `cancelled` when cut short. `error` is non-empty
    /// when the engine refused or failed; then `result` holds what came before.
    void finished(const ipclab::bench::BenchResult& result, const QString& error);

private:
    BackgroundJob::Delivery run(const bench::BenchSpec& spec, const JobControl& job);

    BackgroundJob m_job;
};

} // namespace ipclab
