#pragma once

#include "quiz/progress_store.h"
#include "quiz/quiz_catalog.h"
#include "scenario/scenario_catalog.h"
#include "session/session.h"

#include <QWidget>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ipclab {

class QuestionView;
class QuizRunJob;

struct QuizPanelOptions {
    std::filesystem::path quizDir;      ///< empty: defaultQuizDir()
    std::filesystem::path scenarioDir;  ///< for predict-then-run; empty: defaultScenarioDir()
    std::filesystem::path workerPath;   ///< empty: core's default
    std::filesystem::path progressFile; ///< empty: ProgressStore::defaultPath() ($IPCLAB_DATA_DIR in tests)
};

/// The Quizzes tab: the lesson's quizzes listed by section with the student's progress per
/// section (resettable after a confirmation), and the question view where a quiz is taken.
/// A quiz file that does not load is listed with its error instead of hiding the others.
/// GUI thread only.
class QuizPanel : public QWidget {
    Q_OBJECT
public:
    explicit QuizPanel(QuizPanelOptions options = {}, QWidget* parent = nullptr);
    ~QuizPanel() override;

    /// Opens quiz `id` drawn with `seed` at its first question; false when there is no such quiz.
    bool openQuiz(const QString& id, std::uint64_t seed);
    /// Same, with the seed in the panel's seed box.
    bool openQuiz(const QString& id);
    /// Pick-page questions offer the pages of the main window's last run when it mapped a shared object.
    void setLastRunProvider(std::function<const RunResult*()> lastRun);
    /// Forgets every answer and score, after asking when `confirm` (tests pass false).
    void resetProgress(bool confirm = true);

    QuestionView* questionView() const { return m_view; }
    const ProgressStore& progress() const { return *m_progress; }
    const QuizCatalog& quizzes() const { return m_quizzes; }
    /// The per-section progress as shown ("§7  2 answered, 1 right, 2 of 4 points"), one line each.
    QString progressText() const;
    QTreeWidget* quizList() const { return m_list; }

signals:
    /// An explanation's "show me" link: a scenario id, or "bench" for the it-depends experiment.
    void showMeRequested(const QString& target);

private:
    QWidget* setupList();
    void fillList();
    void refreshProgress();

    QuizCatalog m_quizzes;
    std::shared_ptr<const ScenarioCatalog> m_scenarios;
    std::unique_ptr<ProgressStore> m_progress;
    QuizRunJob* m_job = nullptr;
    QuestionView* m_view = nullptr;
    QTreeWidget* m_list = nullptr;
    QSpinBox* m_seed = nullptr;
    QLabel* m_progressLabel = nullptr;
    QPushButton* m_reset = nullptr;
};

} // namespace ipclab
