#include "gui/common/background_job.h"

#include <QMetaObject>

namespace ipclab {

StopHook::StopHook(std::shared_ptr<JobState> state, std::function<void()> stop) : m_state(std::move(state)) {
    const std::lock_guard lock(m_state->mutex);
    m_state->stop = std::move(stop);
}

StopHook::~StopHook() {
    const std::lock_guard lock(m_state->mutex);
    m_state->stop = nullptr;
}

void JobControl::post(std::function<void()> call) const {
    m_job->deliver(m_generation, std::move(call));
}

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob() {
    shutdown();
}

void BackgroundJob::start(Work work) {
    join();
    m_state = std::make_shared<JobState>();
    const std::uint64_t generation = ++m_generation;
    m_running = true;
    m_thread = std::thread([this, generation, work = std::move(work), control = JobControl(this, generation, m_state)] {
        Delivery done = work(control);
        deliver(generation, [this, done = std::move(done)] {
            // The thread has nothing left to do but end: joining here never waits long.
            join();
            m_running = false;
            if (done) {
                done();
            }
        });
    });
}

void BackgroundJob::cancel() {
    if (!m_state) {
        return;
    }
    m_state->cancelled.store(true);
    const std::lock_guard lock(m_state->mutex);
    if (m_state->stop) {
        m_state->stop();
    }
}

void BackgroundJob::abandon() {
    cancel();
    ++m_generation;
    m_running = false;
}

void BackgroundJob::shutdown() {
    abandon();
    join();
}

// Any thread. Safe: this object outlives its thread (the destructor joins it), and a queued
// call still pending when the object goes is dropped with it.
void BackgroundJob::deliver(std::uint64_t generation, std::function<void()> call) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, call = std::move(call)] {
            if (generation == m_generation) {
                call();
            }
        },
        Qt::QueuedConnection);
}

void BackgroundJob::join() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

} // namespace ipclab
