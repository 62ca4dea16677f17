#include "gui/quiz/quiz_run_job.h"

#include "common/error.h"
#include "session/session.h"

#include <QMetaObject>
#include <QPointer>
#include <mutex>

namespace ipclab {

/// What the worker thread and the GUI thread share: the session to stop, and whether to.
struct QuizRunJob::Shared {
    std::mutex mutex;
    Session* session = nullptr;
    bool stopped = false;

    /// False when the run was cancelled before its session existed.
    bool attach(Session* running) {
        const std::lock_guard lock(mutex);
        if (!stopped) {
            session = running;
        }
        return !stopped;
    }
    /// Forgets the session when it goes out of scope.
    struct Detach {
        Shared& shared;
        ~Detach() {
            const std::lock_guard lock(shared.mutex);
            shared.session = nullptr;
        }
    };
    void stop() {
        const std::lock_guard lock(mutex);
        stopped = true;
        if (session != nullptr) {
            session->requestStop();
        }
    }
};

namespace {

/// Counts the system calls a run reports, and posts the count to the GUI thread now and then.
class CallCounter : public EventSink {
public:
    explicit CallCounter(std::function<void(int)> post) : m_post(std::move(post)) {}
    void onEvent(const Event& event) override {
        if (std::holds_alternative<SyscallExited>(event.payload) && ++m_calls % kEvery == 0) {
            m_post(m_calls);
        }
    }

private:
    static constexpr int kEvery = 8; ///< a post per few calls is plenty for a label
    std::function<void(int)> m_post;
    int m_calls = 0;
};

} // namespace

QuizRunJob::QuizRunJob(std::shared_ptr<const ScenarioCatalog> catalog, std::filesystem::path workerPath,
                       QObject* parent)
    : QObject(parent), m_catalog(std::move(catalog)), m_workerPath(std::move(workerPath)) {}

QuizRunJob::~QuizRunJob() {
    if (m_shared) {
        m_shared->stop();
    }
    joinWorker();
}

void QuizRunJob::joinWorker() {
    if (m_worker.joinable()) {
        m_worker.join();
    }
}

bool QuizRunJob::start(const Question& question) {
    if (m_running) {
        emit failed(tr("A run is already going"));
        return false;
    }
    QuestionRun run;
    try {
        // Checked here, on the GUI thread: a missing scenario or a bad parameter is said at once.
        run = prepareQuestionRun(question, *m_catalog);
    } catch (const std::exception& error) {
        emit failed(QString::fromStdString(error.what()));
        return false;
    }
    joinWorker(); // a cancelled run has been told to stop; it ends in moments
    m_running = true;
    m_shared = std::make_shared<Shared>();
    const std::uint64_t generation = ++m_generation;
    QPointer<QuizRunJob> self(this);
    // Results reach the GUI thread by queued calls; a run that was cancelled or superseded is dropped.
    auto deliver = [self, generation](auto&& fn) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, fn] {
                if (self && self->m_generation == generation && self->m_running) {
                    fn(*self);
                }
            },
            Qt::QueuedConnection);
    };
    m_worker = std::thread([shared = m_shared, run = std::move(run), worker = m_workerPath, deliver] {
        try {
            CallCounter counter(
                [deliver](int calls) { deliver([calls](QuizRunJob& job) { emit job.progressed(calls); }); });
            Session session(run.scenario, run.params, SessionOptions{worker, true, nullptr});
            if (!shared->attach(&session)) {
                return;
            }
            // Declared after the session, so destroyed before it: cancel() never reaches a dead session.
            const Shared::Detach detach{*shared};
            RunObservation observation = observeRun(session.run(&counter));
            deliver([observation = std::move(observation)](QuizRunJob& job) {
                job.m_running = false;
                emit job.finished(observation);
            });
        } catch (const std::exception& error) {
            deliver([message = QString::fromStdString(error.what())](QuizRunJob& job) {
                job.m_running = false;
                emit job.failed(message);
            });
        }
    });
    return true;
}

void QuizRunJob::cancel() {
    if (m_shared) {
        m_shared->stop();
    }
    m_running = false;
    ++m_generation;
}

} // namespace ipclab
