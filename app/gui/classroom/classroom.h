#pragma once

#include "gui/quiz/quiz_panel.h"
#include "quiz/question.h"

#include <QObject>
#include <QPointer>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class QAction;
class QMenu;

namespace ipclab {

class ClassRevealDialog;
class ClassroomHost;
class PresenterMode;

/// The lesson's quizzes and the classroom tools, wired into the lab through a ClassroomHost (the
/// window's side of it, so that nothing here reaches into the window): the Quizzes tab beside
/// the stage, View → Presenter mode (F11), a Classroom menu whose keyboard shortcuts drive a run
/// from the front of a room (run, pause, step, slower, faster, next scenario, class question,
/// reveal answer), and Help → Keyboard shortcuts, which lists them from the actions themselves.
/// Owned by the host's window; GUI thread only.
class Classroom : public QObject {
    Q_OBJECT
public:
    explicit Classroom(ClassroomHost& host, QuizPanelOptions options = {});

    QuizPanel* quizPanel() const { return m_quizzes; }
    PresenterMode* presenter() const { return m_presenter; }
    /// Every action with a classroom shortcut, in the order the shortcuts dialog lists them.
    const std::vector<QAction*>& shortcutActions() const { return m_shortcuts; }
    /// Brings the Quizzes tab forward.
    void showQuizzes();
    /// Opens quiz `id` (drawn from `seed`, else the panel's seed box) in the Quizzes tab and brings
    /// it forward; false when there is no such quiz.
    bool openQuiz(const QString& id, std::optional<std::uint64_t> seed = std::nullopt);
    /// F7: puts the quiz's current question to the class (ClassRevealDialog); F8 reveals its answer.
    void askClass();
    void revealAnswer();
    /// Selects the scenario `delta` entries after (or before) the current one in the list.
    void stepScenario(int delta);
    /// Runs the experiment behind `question`: its scenario with its parameters, or its show-me target.
    void runExperiment(const Question& question);
    /// Follows a quiz's "show me" link: "bench" opens the it-depends experiment, else a scenario.
    void showMe(const QString& target);
    /// The text of Help → Keyboard shortcuts (tests read it).
    QString shortcutsText() const;

private:
    QAction* addShortcut(QMenu* menu, const QString& text, const QKeySequence& key, const std::function<void()>& act);
    void setupMenus();

    ClassroomHost& m_host;
    QuizPanel* m_quizzes;
    PresenterMode* m_presenter;
    std::vector<QAction*> m_shortcuts;
    QPointer<ClassRevealDialog> m_reveal;
};

} // namespace ipclab
