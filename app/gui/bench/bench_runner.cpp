#include "gui/bench/bench_runner.h"

#include "bench/cell_runner.h"
#include "common/error.h"

#include <chrono>
#include <ctime>

namespace ipclab {

namespace {

/// Progress reaches the GUI at most this often; tiny cells can take well under a millisecond.
constexpr auto kProgressInterval = std::chrono::milliseconds(50);

} // namespace

BenchRunner::BenchRunner(QObject* parent) : QObject(parent) {}

// m_job's own destructor abandons the sweep and waits for it: no worker outlives the runner.
BenchRunner::~BenchRunner() = default;

bool BenchRunner::start(const bench::BenchSpec& spec, QString* error) {
    if (m_job.isRunning()) {
        *error = tr("A sweep is still running.");
        return false;
    }
    if (spec.mechanisms.empty() || spec.sizes.empty() || spec.modes.empty()) {
        *error = tr("Choose at least one mechanism, one size and one measurement.");
        return false;
    }
    try {
        (void)bench::cpusFor(spec.placement); // refuses "two CPUs" where only one may be used
    } catch (const Error& failure) {
        *error = QString::fromStdString(failure.what());
        return false;
    }
    m_job.start([this, spec](const JobControl& job) { return run(spec, job); });
    return true;
}

void BenchRunner::cancel() {
    m_job.cancel();
}

// Worker thread: touches no widget and no member; what it measured reaches the GUI by job.post().
BackgroundJob::Delivery BenchRunner::run(const bench::BenchSpec& spec, const JobControl& job) {
    const int perMechanism = static_cast<int>(spec.sizes.size() * spec.modes.size());
    const int total = perMechanism * static_cast<int>(spec.mechanisms.size());
    bench::BenchResult all;
    all.spec = spec;
    all.startedUnix = static_cast<std::int64_t>(std::time(nullptr));
    QString error;
    auto lastPost = std::chrono::steady_clock::time_point{};
    for (std::size_t m = 0; m < spec.mechanisms.size() && !job.cancelled(); ++m) {
        bench::BenchSpec one = spec;
        one.mechanisms = {spec.mechanisms[m]};
        const int offset = perMechanism * static_cast<int>(m);
        const auto progress = [&](const bench::BenchProgress& step) {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastPost < kProgressInterval) {
                return;
            }
            lastPost = now;
            const int index = offset + static_cast<int>(step.index);
            const QString label = QString::fromStdString(step.label);
            job.post([this, index, total, label] { emit progressed(index, total, label); });
        };
        try {
            bench::BenchResult batch = bench::runBench(one, progress, job.cancelFlag());
            all.cells.insert(all.cells.end(), batch.cells.begin(), batch.cells.end());
            all.cancelled = all.cancelled || batch.cancelled;
            if (!batch.cancelled) {
                job.post([this, batch = std::move(batch)] { emit batchDone(batch); });
            }
        } catch (const std::exception& failure) {
            error = QString::fromStdString(failure.what());
            break;
        }
    }
    all.cancelled = all.cancelled || job.cancelled();
    return [this, all = std::move(all), error, total] {
        emit progressed(total, total, QString());
        emit finished(all, error);
    };
}

} // namespace ipclab
