#include "gui/bridge/session_controller.h"

#include "common/error.h"
#include "gui/bridge/queued_event_sink.h"

#include <exception>

namespace ipclab {

namespace {
constexpr std::chrono::milliseconds kDrainInterval{33};
}

SessionController::SessionController(std::filesystem::path workerPath, QObject* parent)
    : QObject(parent), m_workerPath(std::move(workerPath)) {
    m_drainTimer.setInterval(kDrainInterval);
    connect(&m_drainTimer, &QTimer::timeout, this, &SessionController::drain);
}

SessionController::~SessionController() {
    shutdown();
}

bool SessionController::start(const Scenario& scenario, const ParamValues& params, PaceMode mode,
                              std::chrono::milliseconds delay, QString* error) {
    if (m_job.isRunning()) {
        *error = tr("A run is still going; stop it first.");
        return false;
    }
    auto gate = std::make_unique<PaceGate>();
    gate->setMode(mode);
    gate->setDelay(delay);
    SessionOptions options;
    options.workerPath = m_workerPath.empty() ? defaultWorkerPath() : m_workerPath;
    options.gate = gate.get();
    std::unique_ptr<Session> session;
    try {
        session = std::make_unique<Session>(scenario, params, options);
    } catch (const std::exception& failure) {
        *error = QString::fromStdString(failure.what());
        return false;
    }
    m_session = std::move(session);
    m_gate = std::move(gate);
    m_sink = std::make_shared<QueuedEventSink>();
    m_drainTimer.start();
    m_job.start([this, session = m_session.get(), sink = m_sink](const JobControl& job) -> BackgroundJob::Delivery {
        RunResult result;
        QString failure;
        try {
            result = session->run(sink.get());
        } catch (const std::exception& thrown) {
            failure = QString::fromStdString(thrown.what());
        }
        job.post([this] { drain(); }); // the last batch, while the run still counts as going
        return [this, result = std::move(result), failure] { onRunEnded(result, failure); };
    });
    emit runStarted();
    return true;
}

void SessionController::stop() {
    if (!m_job.isRunning()) {
        return;
    }
    // The session kills the children first and then releases the gate: cancelling it here
    // would let a held child run on, unpaced, for a moment after Stop.
    m_session->requestStop();
}

void SessionController::shutdown() {
    stop();
    m_job.shutdown();
    releaseRun();
    m_drainTimer.stop();
}

void SessionController::setMode(PaceMode mode) {
    if (m_gate) {
        m_gate->setMode(mode);
    }
}

void SessionController::setDelay(std::chrono::milliseconds delay) {
    if (m_gate) {
        m_gate->setDelay(delay);
    }
}

void SessionController::setPaused(bool paused) {
    if (m_gate) {
        m_gate->setPaused(paused);
    }
}

void SessionController::step() {
    if (m_gate) {
        m_gate->step();
    }
}

void SessionController::drain() {
    if (!m_sink) {
        return;
    }
    std::vector<Event> batch = m_sink->takeAll();
    if (!batch.empty()) {
        emit eventsArrived(batch);
    }
}

void SessionController::onRunEnded(const RunResult& result, const QString& failure) {
    m_drainTimer.stop();
    releaseRun();
    if (failure.isEmpty()) {
        emit runFinished(result);
    } else {
        emit runFailed(failure);
    }
}

void SessionController::releaseRun() {
    // The session outlives its thread so that stop() from the GUI thread never races with it.
    m_session.reset();
    m_gate.reset();
    m_sink.reset();
}

} // namespace ipclab
