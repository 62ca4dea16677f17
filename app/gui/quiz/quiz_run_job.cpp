#include "gui/quiz/quiz_run_job.h"

#include "common/error.h"
#include "session/session.h"

#include <functional>

namespace ipclab {

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

// m_job's destructor stops the children and waits for the run; the session removes every object.
QuizRunJob::~QuizRunJob() = default;

bool QuizRunJob::start(const Question& question) {
    if (m_job.isRunning()) {
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
    // A cancelled run has been told to stop and ends in moments; start() waits for it.
    m_job.start([this, run = std::move(run), worker = m_workerPath](const JobControl& job) -> BackgroundJob::Delivery {
        try {
            CallCounter counter([this, &job](int calls) { job.post([this, calls] { emit progressed(calls); }); });
            Session session(run.scenario, run.params, SessionOptions{worker, true, nullptr});
            // Taken after the session exists and gone before it: cancel() never reaches a dead session.
            const StopHook stop = job.onCancel([&session] { session.requestStop(); });
            if (job.cancelled()) {
                return {};
            }
            RunObservation observation = observeRun(session.run(&counter));
            return [this, observation = std::move(observation)] { emit finished(observation); };
        } catch (const std::exception& error) {
            return [this, message = QString::fromStdString(error.what())] { emit failed(message); };
        }
    });
    return true;
}

void QuizRunJob::cancel() {
    m_job.abandon();
}

} // namespace ipclab
