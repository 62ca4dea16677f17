#include "gui/bench/bench_runner.h"

#include "bench/cell_runner.h"
#include "common/error.h"

#include <QMetaObject>
#include <chrono>
#include <ctime>

namespace ipclab {

namespace {

/// Progress reaches the GUI at most this often; tiny cells can take well under a millisecond.
constexpr auto kProgressInterval = std::chrono::milliseconds(50);

} // namespace

BenchRunner::BenchRunner(QObject* parent) : QObject(parent) {}

BenchRunner::~BenchRunner() {
    ++m_generation;
    cancel();
    join();
}

bool BenchRunner::start(const bench::BenchSpec& spec, QString* error) {
    if (m_running) {
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
    join();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::uint64_t generation = ++m_generation;
    m_running = true;
    m_thread = std::thread([this, spec, generation] { run(spec, generation); });
    return true;
}

void BenchRunner::cancel() {
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void BenchRunner::post(std::uint64_t generation, std::function<void()> call) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, call = std::move(call)] {
            if (generation == m_generation) {
                call();
            }
        },
        Qt::QueuedConnection);
}

// Worker thread: touches no widget and no member but the cancel flag (held by value here).
void BenchRunner::run(const bench::BenchSpec& spec, std::uint64_t generation) {
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const int perMechanism = static_cast<int>(spec.sizes.size() * spec.modes.size());
    const int total = perMechanism * static_cast<int>(spec.mechanisms.size());
    bench::BenchResult all;
    all.spec = spec;
    all.startedUnix = static_cast<std::int64_t>(std::time(nullptr));
    QString error;
    auto lastPost = std::chrono::steady_clock::time_point{};
    for (std::size_t m = 0; m < spec.mechanisms.size() && !cancel->load(); ++m) {
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
            post(generation, [this, index, total, label] { emit progressed(index, total, label); });
        };
        try {
            bench::BenchResult batch = bench::runBench(one, progress, *cancel);
            all.cells.insert(all.cells.end(), batch.cells.begin(), batch.cells.end());
            all.cancelled = all.cancelled || batch.cancelled;
            if (!batch.cancelled) {
                post(generation, [this, batch = std::move(batch)] { emit batchDone(batch); });
            }
        } catch (const std::exception& failure) {
            error = QString::fromStdString(failure.what());
            break;
        }
    }
    all.cancelled = all.cancelled || cancel->load();
    post(generation, [this, all = std::move(all), error, total] {
        m_running = false;
        emit progressed(total, total, QString());
        emit finished(all, error);
    });
}

void BenchRunner::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace ipclab
