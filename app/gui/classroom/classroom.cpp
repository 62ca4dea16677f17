#include "gui/classroom/classroom.h"

#include "gui/bridge/session_controller.h"
#include "gui/classroom/class_reveal_dialog.h"
#include "gui/classroom/presenter_mode.h"
#include "gui/common/text_format.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/quiz/question_view.h"
#include "gui/run/centre_tabs.h"
#include "gui/shell/main_window.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QStatusBar>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace ipclab {

Classroom::Classroom(MainWindow* window, QuizPanelOptions options) : QObject(window), m_window(window) {
    if (options.workerPath.empty()) {
        options.workerPath = window->session()->workerPath();
    }
    m_quizzes = new QuizPanel(std::move(options), window->centre());
    window->centre()->addTab(m_quizzes, tr("Quizzes"));
    m_quizzes->setLastRunProvider(
        [window]() -> const RunResult* { return window->lastResult() ? &*window->lastResult() : nullptr; });
    m_presenter = new PresenterMode(window);
    connect(m_quizzes, &QuizPanel::showMeRequested, this, &Classroom::showMe);
    setupMenus();
}

QAction* Classroom::addShortcut(QMenu* menu, const QString& text, const QKeySequence& key,
                                const std::function<void()>& act) {
    auto* action = menu->addAction(text);
    action->setShortcut(key);
    // Shortcuts work in full screen, where the menu bar is hidden, because the window holds them.
    m_window->addAction(action);
    connect(action, &QAction::triggered, this, act);
    m_shortcuts.push_back(action);
    return action;
}

void Classroom::setupMenus() {
    QMenu* view = m_window->menuBar()->addMenu(tr("&View"));
    view->addAction(m_presenter->action());
    m_shortcuts.push_back(m_presenter->action());
    addShortcut(view, tr("Quizzes"), QKeySequence(Qt::Key_F9), [this] { showQuizzes(); });

    RunControls* controls = m_window->controls();
    QMenu* room = m_window->menuBar()->addMenu(tr("&Classroom"));
    addShortcut(room, tr("Run"), QKeySequence(Qt::Key_F5), [controls] {
        if (controls->runButton()->isEnabled()) {
            controls->runButton()->click();
        }
    });
    addShortcut(room, tr("Pause / resume"), QKeySequence(Qt::Key_F6), [controls] {
        if (controls->pauseButton()->isEnabled()) {
            controls->pauseButton()->click();
        }
    });
    addShortcut(room, tr("Step one system call"), QKeySequence(Qt::Key_F10), [controls] {
        if (controls->stepButton()->isEnabled()) {
            controls->stepButton()->click();
        }
    });
    addShortcut(room, tr("Slower"), QKeySequence(Qt::CTRL | Qt::Key_Minus), [this] { nudgeSpeed(-1); });
    addShortcut(room, tr("Faster"), QKeySequence(Qt::CTRL | Qt::Key_Equal), [this] { nudgeSpeed(+1); });
    room->addSeparator();
    addShortcut(room, tr("Next scenario"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] { stepScenario(+1); });
    addShortcut(room, tr("Previous scenario"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] { stepScenario(-1); });
    room->addSeparator();
    addShortcut(room, tr("Put the current quiz question to the class"), QKeySequence(Qt::Key_F7),
                [this] { askClass(); });
    addShortcut(room, tr("Reveal the answer"), QKeySequence(Qt::Key_F8), [this] { revealAnswer(); });

    QMenu* help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Keyboard shortcuts"), this, [this] {
        QDialog dialog(m_window);
        dialog.setWindowTitle(tr("Keyboard shortcuts"));
        auto* layout = new QVBoxLayout(&dialog);
        auto* text = new QLabel(shortcutsText(), &dialog);
        text->setTextFormat(Qt::RichText);
        layout->addWidget(text);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog.exec();
    });
}

QString Classroom::shortcutsText() const {
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const QAction* action : m_shortcuts) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         action->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

void Classroom::nudgeSpeed(int delta) {
    // The slider runs from slow (left) to fast (right).
    if (QSlider* speed = m_window->controls()->speedSlider(); speed->isEnabled()) {
        speed->setValue(speed->value() + delta);
    }
}

void Classroom::showQuizzes() {
    m_window->centre()->setCurrentWidget(m_quizzes);
}

bool Classroom::openQuiz(const QString& id, std::optional<std::uint64_t> seed) {
    if (!(seed ? m_quizzes->openQuiz(id, *seed) : m_quizzes->openQuiz(id))) {
        return false;
    }
    showQuizzes();
    return true;
}

void Classroom::stepScenario(int delta) {
    ScenarioList* list = m_window->scenarioList();
    std::vector<QTreeWidgetItem*> entries; // leaves only: section headings are not scenarios
    int current = -1;
    for (QTreeWidgetItemIterator it(list); *it != nullptr; ++it) {
        if ((*it)->childCount() == 0) {
            if (*it == list->currentItem()) {
                current = static_cast<int>(entries.size());
            }
            entries.push_back(*it);
        }
    }
    const int target = current + delta;
    if (target >= 0 && target < static_cast<int>(entries.size())) {
        list->setCurrentItem(entries[static_cast<std::size_t>(target)]);
    }
}

void Classroom::askClass() {
    const Question* question = m_quizzes->questionView()->current();
    if (question == nullptr) {
        showQuizzes();
        m_window->statusBar()->showMessage(tr("Open a quiz first: the class is asked its current question."));
        return;
    }
    delete m_reveal;
    m_reveal = new ClassRevealDialog(*question, m_window);
    m_reveal->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_reveal, &ClassRevealDialog::runExperimentRequested, this, &Classroom::runExperiment);
    m_reveal->show();
}

void Classroom::revealAnswer() {
    if (m_reveal == nullptr) {
        askClass();
    }
    if (m_reveal != nullptr) {
        m_reveal->reveal();
    }
}

void Classroom::runExperiment(const Question& question) {
    if (!question.run) {
        showMe(fromStd(question.showMe));
        return;
    }
    if (!m_window->scenarioList()->selectScenario(fromStd(question.run->scenarioId))) {
        m_window->statusBar()->showMessage(tr("There is no scenario '%1'").arg(fromStd(question.run->scenarioId)));
        return;
    }
    for (const auto& [name, value] : question.run->params) {
        bool number = false;
        const qlonglong parsed = fromStd(value).toLongLong(&number);
        if (number) {
            m_window->params()->setValue(name, parsed);
        }
    }
    if (m_reveal != nullptr) {
        m_reveal->close();
    }
    m_window->centre()->showTab(CentreTabs::Tab::Stage);
    m_window->startRun();
}

void Classroom::showMe(const QString& target) {
    if (target == QLatin1String("bench")) {
        m_window->showItDepends();
        return;
    }
    if (m_window->scenarioList()->selectScenario(target)) {
        m_window->centre()->showTab(CentreTabs::Tab::Stage);
    }
}

} // namespace ipclab
