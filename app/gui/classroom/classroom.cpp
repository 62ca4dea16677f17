#include "gui/classroom/classroom.h"

#include "gui/classroom/class_reveal_dialog.h"
#include "gui/classroom/classroom_host.h"
#include "gui/classroom/presenter_mode.h"
#include "gui/common/text_format.h"
#include "gui/quiz/question_view.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ipclab {

Classroom::Classroom(ClassroomHost& host, QuizPanelOptions options) : QObject(host.hostWindow()), m_host(host) {
    if (options.workerPath.empty()) {
        options.workerPath = host.workerPath();
    }
    m_quizzes = new QuizPanel(std::move(options));
    host.addTab(m_quizzes, tr("Quizzes"));
    m_quizzes->setLastRunProvider([&host] { return host.lastResult(); });
    m_presenter = new PresenterMode(host.hostWindow());
    connect(m_quizzes, &QuizPanel::showMeRequested, this, &Classroom::showMe);
    setupMenus();
}

QAction* Classroom::addShortcut(QMenu* menu, const QString& text, const QKeySequence& key,
                                const std::function<void()>& act) {
    auto* action = menu->addAction(text);
    action->setShortcut(key);
    // Shortcuts work in full screen, where the menu bar is hidden, because the window holds them.
    m_host.hostWindow()->addAction(action);
    connect(action, &QAction::triggered, this, act);
    m_shortcuts.push_back(action);
    return action;
}

void Classroom::setupMenus() {
    QMenu* view = m_host.hostWindow()->menuBar()->addMenu(tr("&View"));
    view->addAction(m_presenter->action());
    m_shortcuts.push_back(m_presenter->action());
    addShortcut(view, tr("Quizzes"), QKeySequence(Qt::Key_F9), [this] { showQuizzes(); });

    QMenu* room = m_host.hostWindow()->menuBar()->addMenu(tr("&Classroom"));
    addShortcut(room, tr("Run"), QKeySequence(Qt::Key_F5), [this] { m_host.press(ClassroomHost::Control::Run); });
    addShortcut(room, tr("Pause / resume"), QKeySequence(Qt::Key_F6),
                [this] { m_host.press(ClassroomHost::Control::Pause); });
    addShortcut(room, tr("Step one system call"), QKeySequence(Qt::Key_F10),
                [this] { m_host.press(ClassroomHost::Control::Step); });
    addShortcut(room, tr("Slower"), QKeySequence(Qt::CTRL | Qt::Key_Minus), [this] { m_host.nudgeSpeed(-1); });
    addShortcut(room, tr("Faster"), QKeySequence(Qt::CTRL | Qt::Key_Equal), [this] { m_host.nudgeSpeed(+1); });
    room->addSeparator();
    addShortcut(room, tr("Next scenario"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), [this] { stepScenario(+1); });
    addShortcut(room, tr("Previous scenario"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), [this] { stepScenario(-1); });
    room->addSeparator();
    addShortcut(room, tr("Put the current quiz question to the class"), QKeySequence(Qt::Key_F7),
                [this] { askClass(); });
    addShortcut(room, tr("Reveal the answer"), QKeySequence(Qt::Key_F8), [this] { revealAnswer(); });

    QMenu* help = m_host.hostWindow()->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Keyboard shortcuts"), this, [this] {
        QDialog dialog(m_host.hostWindow());
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

void Classroom::showQuizzes() {
    m_host.showTab(m_quizzes);
}

bool Classroom::openQuiz(const QString& id, std::optional<std::uint64_t> seed) {
    if (!(seed ? m_quizzes->openQuiz(id, *seed) : m_quizzes->openQuiz(id))) {
        return false;
    }
    showQuizzes();
    return true;
}

void Classroom::stepScenario(int delta) {
    m_host.stepScenario(delta);
}

void Classroom::askClass() {
    const Question* question = m_quizzes->questionView()->current();
    if (question == nullptr) {
        showQuizzes();
        m_host.hostWindow()->statusBar()->showMessage(
            tr("Open a quiz first: the class is asked its current question."));
        return;
    }
    delete m_reveal;
    m_reveal = new ClassRevealDialog(*question, m_host.hostWindow());
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
    if (!m_host.selectScenario(fromStd(question.run->scenarioId))) {
        m_host.hostWindow()->statusBar()->showMessage(
            tr("There is no scenario '%1'").arg(fromStd(question.run->scenarioId)));
        return;
    }
    for (const auto& [name, value] : question.run->params) {
        bool number = false;
        const qlonglong parsed = fromStd(value).toLongLong(&number);
        if (number) {
            m_host.setParameter(name, parsed);
        }
    }
    if (m_reveal != nullptr) {
        m_reveal->close();
    }
    m_host.showStage();
    m_host.startRun();
}

void Classroom::showMe(const QString& target) {
    if (target == QLatin1String("bench")) {
        m_host.showItDepends();
        return;
    }
    if (m_host.selectScenario(target)) {
        m_host.showStage();
    }
}

} // namespace ipclab
