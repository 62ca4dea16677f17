#pragma once

#include "gui/common/background_job.h"
#include "quiz/question.h"
#include "quiz/run_check.h"
#include "scenario/scenario_catalog.h"

#include <QObject>
#include <QString>
#include <filesystem>
#include <memory>

namespace ipclab {

/// Runs a question's real scenario (traced) on a worker thread so that the event loop never
/// waits, and hands the RunObservation back on the GUI thread. One run at a time; cancel() stops
/// the children at once and the run's result is then dropped, as is the result of any run that
/// was superseded. The destructor stops and joins a run still going: every IPC object is removed
/// by the session on that path too. Lives on the GUI thread.
class QuizRunJob : public QObject {
    Q_OBJECT
public:
    QuizRunJob(std::shared_ptr<const ScenarioCatalog> catalog, std::filesystem::path workerPath,
               QObject* parent = nullptr);
    ~QuizRunJob() override;

    /// Starts `question`'s scenario; false (with failed() emitted) when one is already running.
    bool start(const Question& question);
    /// Stops the children now; neither finished() nor failed() follows for this run.
    void cancel();
    bool running() const { return m_job.isRunning(); }

signals:
    /// The GUI thread: `calls` system calls observed so far (throttled by the caller's repaint).
    void progressed(int calls);
    void finished(const ipclab::RunObservation& observation);
    /// The run could not start (bad parameters, missing scenario) or failed before its children ran.
    void failed(const QString& message);

private:
    std::shared_ptr<const ScenarioCatalog> m_catalog;
    std::filesystem::path m_workerPath;
    BackgroundJob m_job;
};

} // namespace ipclab
