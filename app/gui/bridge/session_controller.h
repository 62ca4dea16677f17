#pragma once

#include "gui/common/background_job.h"
#include "observe/pace_gate.h"
#include "session/session.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

namespace ipclab {

class QueuedEventSink;

/// The one adapter between core's session and the GUI. It runs Session::run() on its own
/// thread; events are queued by the session's threads and handed to the GUI thread in batches
/// at a fixed rate (about 30 per second), never one signal per event. The result arrives by a
/// queued call; the run's BackgroundJob drops anything an older run left in flight. Lives on, and
/// is called from, the GUI thread only.
class SessionController : public QObject {
    Q_OBJECT
public:
    /// `workerPath` is handed to every session; empty means core's default.
    explicit SessionController(std::filesystem::path workerPath, QObject* parent = nullptr);
    /// Stops a run in progress and waits for its thread: no child outlives the controller.
    ~SessionController() override;

    /// Starts one run. Returns false with `error` set when the session cannot be built (a bad
    /// parameter, a kernel limit) or a run is still going; nothing was started then.
    bool start(const Scenario& scenario, const ParamValues& params, PaceMode mode, std::chrono::milliseconds delay,
               QString* error);
    /// Asks the run to end (children killed, holds released); runFinished() follows.
    void stop();
    /// stop() and wait for the run's thread; nothing is delivered afterwards. For closing.
    void shutdown();

    void setMode(PaceMode mode);
    void setDelay(std::chrono::milliseconds delay);
    void setPaused(bool paused);
    /// Step mode: lets one held system call proceed.
    void step();

    bool isRunning() const { return m_job.isRunning(); }
    const std::filesystem::path& workerPath() const { return m_workerPath; }

signals:
    void runStarted();
    /// A batch of events of the current run, in order.
    void eventsArrived(const std::vector<ipclab::Event>& batch);
    /// The run ended (also when stopped); every event was delivered before this.
    void runFinished(const ipclab::RunResult& result);
    /// The run could not be carried out; `message` says why.
    void runFailed(const QString& message);

private:
    void drain();
    void onRunEnded(const RunResult& result, const QString& failure);
    void releaseRun();

    std::filesystem::path m_workerPath;
    QTimer m_drainTimer;
    std::unique_ptr<PaceGate> m_gate; ///< one per run: a cancelled gate stays cancelled
    std::unique_ptr<Session> m_session;
    std::shared_ptr<QueuedEventSink> m_sink;
    BackgroundJob m_job; ///< last: destroyed (and its thread joined) before the session goes
};

} // namespace ipclab
