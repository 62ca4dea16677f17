#pragma once

#include "quiz/progress_store.h"
#include "quiz/quiz_attempt.h"
#include "quiz/run_check.h"
#include "session/session.h"

#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

namespace ipclab {

class QuestionInput;
class QuizRunJob;

/// One attempt at one quiz, question by question, with the rules of QuizAttempt: Submit gives
/// immediate feedback, a wrong answer may be retried once, hints come one at a time, and the
/// explanation (citing the lesson section) follows the last try. A predict-then-run question
/// locks the answer, runs its real scenario off the GUI thread (with a Cancel), and grades the
/// answer from what the kernel was seen doing. Every finished question and quiz goes to the
/// progress store, saved at once. GUI thread only.
class QuestionView : public QWidget {
    Q_OBJECT
public:
    /// `progress` and `job` outlive the view; `lastRun` gives the main window's last run, if any.
    QuestionView(ProgressStore& progress, QuizRunJob& job, QWidget* parent = nullptr);
    ~QuestionView() override;

    void setLastRunProvider(std::function<const RunResult*()> lastRun) { m_lastRun = std::move(lastRun); }
    /// Starts `quiz` afresh at its first question.
    void start(GeneratedQuiz quiz);
    bool active() const { return m_attempt.has_value(); }
    /// The question shown, or null when no quiz is open or it is finished.
    const Question* current() const;
    const QuizAttempt* attempt() const { return m_attempt ? &*m_attempt : nullptr; }

    QuestionInput* input() const { return m_input; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* hintButton() const { return m_hint; }
    QPushButton* cancelButton() const { return m_cancel; }
    /// True while a real run checks a prediction or reads a picture's pages.
    bool busy() const;
    /// Verdict, explanation and key of the last submit, as plain text (tests read it).
    QString feedbackText() const;
    QString scoreText() const;

    void submit();
    /// Fills the input from one line as a terminal student would type it (parseAnswerLine: "b",
    /// "msgsnd, msgrcv", "c a b d") and submits it; false with `why` set when the line does not fit.
    bool submitLine(const QString& line, QString* why);
    void showHint();
    void next();

signals:
    /// The student followed an explanation's "show me" link: a scenario id, or "bench".
    void showMeRequested(const QString& target);
    /// A question was graded and recorded (the panel refreshes its per-section progress).
    void recorded();

private:
    void setupUi();
    void showQuestion();
    void fillLivePages();
    void startRun();
    void onObserved(const RunObservation& observation);
    void onRunFailed(const QString& message);
    void applyOutcome(const QuizAttempt::Outcome& outcome, const QString& observedText);
    void record(const QuizAttempt::Outcome& outcome);
    void finishQuiz();
    void setBusy(bool busy, const QString& what = {});
    void refreshButtons();

    ProgressStore& m_progress;
    QuizRunJob& m_job;
    std::function<const RunResult*()> m_lastRun;
    std::optional<QuizAttempt> m_attempt;
    std::optional<RunObservation> m_observation; ///< the current question's run, reused by a retry
    bool m_fillingPages = false;                 ///< the running job reads pages, not a prediction
    bool m_done = false;                         ///< the current question is over
    QLabel* m_header = nullptr;
    QLabel* m_prompt = nullptr;
    QVBoxLayout* m_inputSlot = nullptr;
    QuestionInput* m_input = nullptr;
    QPushButton* m_hint = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_skip = nullptr;
    QPushButton* m_next = nullptr;
    QWidget* m_busyRow = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_hints = nullptr;
    QTextBrowser* m_feedback = nullptr;
    QLabel* m_score = nullptr;
};

} // namespace ipclab
