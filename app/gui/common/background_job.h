#pragma once

#include <QObject>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace ipclab {

class BackgroundJob;

/// What one job's thread and the GUI thread share.
struct JobState {
    std::atomic<bool> cancelled{false};
    std::mutex mutex;
    std::function<void()> stop; ///< the live StopHook's, if any
};

/// While it lives, cancelling the job calls its `stop` (under a lock, so never once the hook is
/// gone): for work that blocks in something with a stop of its own, such as a Session.
class StopHook {
public:
    StopHook(std::shared_ptr<JobState> state, std::function<void()> stop);
    ~StopHook();
    StopHook(const StopHook&) = delete;
    StopHook& operator=(const StopHook&) = delete;

private:
    std::shared_ptr<JobState> m_state;
};

/// What a job's work sees of its job, on the job's own thread.
class JobControl {
public:
    /// True once the job was cancelled or abandoned.
    bool cancelled() const { return m_state->cancelled.load(); }
    /// The same, as the flag that core's loops poll (bench::runBench).
    const std::atomic<bool>& cancelFlag() const { return m_state->cancelled; }
    /// Hands `call` to the GUI thread; it runs there only while this job is still the current one.
    void post(std::function<void()> call) const;
    /// See StopHook. Check cancelled() after taking it: a cancel that came before is not replayed.
    [[nodiscard]] StopHook onCancel(std::function<void()> stop) const { return StopHook(m_state, std::move(stop)); }

private:
    friend class BackgroundJob;
    JobControl(BackgroundJob* job, std::uint64_t generation, std::shared_ptr<JobState> state)
        : m_job(job), m_generation(generation), m_state(std::move(state)) {}

    BackgroundJob* m_job;
    std::uint64_t m_generation;
    std::shared_ptr<JobState> m_state;
};

/// One piece of background work at a time, on a thread of its own, for a GUI-thread owner: the
/// GUI never waits, and what the work hands back arrives on the GUI thread by queued calls. Each
/// start() is a new generation; whatever an older or abandoned generation posts is dropped on
/// arrival, so a late result never lands in a newer run's views (the idea of hotspot's
/// JobTracker). The destructor abandons the job and waits for its thread, so the work may use
/// whatever its owner keeps alive longer than the job. GUI thread only.
class BackgroundJob : public QObject {
    Q_OBJECT
public:
    /// What the GUI thread does when the work is over (may be empty).
    using Delivery = std::function<void()>;
    /// Runs on the job's thread and must not throw. Its Delivery runs on the GUI thread once
    /// isRunning() is false again, unless the job was abandoned or superseded meanwhile.
    using Work = std::function<Delivery(const JobControl&)>;

    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    /// Starts `work` as a new generation. The previous job's thread is joined first: it has
    /// ended, or was abandoned and so told to stop.
    void start(Work work);
    /// Asks the work to stop (cancelled(), and the StopHook if one lives); what it still posts,
    /// and its Delivery, arrive as usual.
    void cancel();
    /// cancel(), and nothing more of this job is delivered; isRunning() is false at once.
    void abandon();
    /// abandon() and wait for the thread.
    void shutdown();

    /// From start() until the Delivery is due, or abandon().
    bool isRunning() const { return m_running; }
    std::uint64_t generation() const { return m_generation; }

private:
    friend class JobControl;
    void deliver(std::uint64_t generation, std::function<void()> call);
    void join();

    std::shared_ptr<JobState> m_state;
    std::thread m_thread;
    std::uint64_t m_generation = 0;
    bool m_running = false;
};

} // namespace ipclab
