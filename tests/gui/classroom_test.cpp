#include "gui/classroom/class_reveal_dialog.h"
#include "gui/classroom/classroom.h"
#include "gui/classroom/classroom_host.h"
#include "gui/classroom/presenter_mode.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/quiz/question_view.h"
#include "gui/quiz/quiz_panel.h"
#include "gui/shell/main_window.h"
#include "gui/stage/stage_palette.h"
#include "quiz/quiz_generator.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QPushButton>
#include <QSlider>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

class ClassroomTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_dataDir.isValid());
        qputenv("IPCLAB_DATA_DIR", m_dataDir.path().toLocal8Bit());
        qputenv("IPCLAB_QUIZZES", IPCLAB_TEST_SCENARIO_DIR "/quizzes");
    }
    void TearDown() override {
        qunsetenv("IPCLAB_DATA_DIR");
        qunsetenv("IPCLAB_QUIZZES");
    }
    QTemporaryDir m_dataDir;
};

TEST_F(ClassroomTest, PresenterModeEnlargesTypeSwitchesThePaletteAndRestoresBoth) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    window.show();
    const double normalSize = QApplication::font().pointSizeF();
    const QColor normalAccent = StagePalette::processAccent(0);
    const QColor normalWindow = QApplication::palette().color(QPalette::Window);
    PresenterMode* presenter = window.classroom()->presenter();

    presenter->action()->trigger(); // as F11 or View → Presenter mode does
    EXPECT_TRUE(presenter->active());
    EXPECT_NEAR(QApplication::font().pointSizeF(), normalSize * PresenterMode::kFontScale, 0.01);
    EXPECT_EQ(StagePalette::scheme(), StagePalette::Scheme::Presenter);
    EXPECT_EQ(StagePalette::processAccent(0), QColor::fromRgb(0x0072b2)) << "Okabe–Ito blue";
    EXPECT_EQ(StagePalette::lineWidth(2.0), 4.0);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
    EXPECT_TRUE(window.windowState().testFlag(Qt::WindowFullScreen));

    presenter->action()->trigger();
    EXPECT_FALSE(presenter->active());
    EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), normalSize);
    EXPECT_EQ(StagePalette::scheme(), StagePalette::Scheme::Calm);
    EXPECT_EQ(StagePalette::processAccent(0), normalAccent);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), normalWindow);
    EXPECT_FALSE(window.windowState().testFlag(Qt::WindowFullScreen));
}

/// The window's action bound to `keys`, or null.
QAction* actionFor(MainWindow& window, const QKeySequence& keys) {
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut() == keys) {
            return action;
        }
    }
    return nullptr;
}

TEST_F(ClassroomTest, SpeedShortcutsMoveTheSpeedSliderAndPauseNeedsARun) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    window.show();
    QAction* faster = actionFor(window, QKeySequence(Qt::CTRL | Qt::Key_Equal));
    QAction* slower = actionFor(window, QKeySequence(Qt::CTRL | Qt::Key_Minus));
    QAction* pause = actionFor(window, QKeySequence(Qt::Key_F6));
    ASSERT_TRUE(faster && slower && pause);
    const int start = window.controls()->speedSlider()->value();
    slower->trigger();
    EXPECT_EQ(window.controls()->speedSlider()->value(), start - 1);
    faster->trigger();
    faster->trigger();
    EXPECT_EQ(window.controls()->speedSlider()->value(), start + 1);
    pause->trigger(); // no run: Pause is disabled, and the shortcut must not press it
    EXPECT_FALSE(window.controls()->pauseButton()->isChecked());
}

TEST_F(ClassroomTest, EveryClassroomShortcutIsListedInTheHelp) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    const QString help = window.classroom()->shortcutsText();
    for (const QAction* action : window.classroom()->shortcutActions()) {
        ASSERT_FALSE(action->shortcut().isEmpty()) << action->text().toStdString();
        EXPECT_TRUE(help.contains(action->shortcut().toString(QKeySequence::NativeText))) << help.toStdString();
    }
    EXPECT_GE(window.classroom()->shortcutActions().size(), 9U);
}

TEST_F(ClassroomTest, NextScenarioMovesDownTheList) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    const QString first = window.currentScenarioId();
    window.classroom()->stepScenario(+1);
    EXPECT_NE(window.scenarioList()->selectedId(), first);
    window.classroom()->stepScenario(-1);
    EXPECT_EQ(window.scenarioList()->selectedId(), first);
}

TEST_F(ClassroomTest, AClassQuestionHidesTheAnswerUntilRevealed) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    QuizPanel* quizzes = window.classroom()->quizPanel();
    ASSERT_TRUE(quizzes->openQuiz(QStringLiteral("message-queue-calls"), 1));
    ClassRevealDialog dialog(*quizzes->questionView()->current());
    EXPECT_EQ(dialog.stage(), ClassRevealDialog::Stage::Question);
    dialog.collectHands();
    EXPECT_TRUE(dialog.bodyText().contains(QStringLiteral("receive"))) << "the blanks are shown";
    EXPECT_FALSE(dialog.bodyText().contains(QStringLiteral("msgrcv"))) << dialog.bodyText().toStdString();
    dialog.reveal();
    EXPECT_TRUE(dialog.bodyText().contains(QStringLiteral("msgrcv"))) << dialog.bodyText().toStdString();
    EXPECT_FALSE(dialog.runButton()->isHidden()) << "the question has a scenario to show";
}

/// A lab with no window's widgets behind it: it only notes what the classroom asked of it.
class RecordingHost : public ClassroomHost {
public:
    QMainWindow* hostWindow() override { return &window; }
    std::filesystem::path workerPath() const override { return IPCLAB_TEST_WORKER; }
    const RunResult* lastResult() const override { return nullptr; }
    void addTab(QWidget* page, const QString& title) override {
        page->setParent(&window);
        asked << QStringLiteral("tab %1").arg(title);
    }
    void showTab(QWidget* /*page*/) override { asked << QStringLiteral("show tab"); }
    void showStage() override { asked << QStringLiteral("show stage"); }
    void press(Control control) override { asked << QStringLiteral("press %1").arg(static_cast<int>(control)); }
    void nudgeSpeed(int notches) override { asked << QStringLiteral("speed %1").arg(notches); }
    bool selectScenario(const QString& id) override {
        asked << QStringLiteral("select %1").arg(id);
        return id != QLatin1String("missing");
    }
    void stepScenario(int delta) override { asked << QStringLiteral("step %1").arg(delta); }
    bool setParameter(const std::string& name, std::int64_t value) override {
        asked << QStringLiteral("set %1=%2").arg(QString::fromStdString(name)).arg(value);
        return true;
    }
    void startRun() override { asked << QStringLiteral("run"); }
    void showItDepends() override { asked << QStringLiteral("it depends"); }

    QStringList asked;
    QMainWindow window; ///< last: it takes the classroom with it, before the rest goes
};

TEST_F(ClassroomTest, ItDrivesTheLabOnlyThroughItsHost) {
    RecordingHost host;
    auto* classroom = new Classroom(host); // owned by the host's window
    EXPECT_EQ(host.asked, QStringList({"tab Quizzes"}));
    host.asked.clear();

    const auto trigger = [&](const QKeySequence& keys) {
        for (QAction* action : classroom->shortcutActions()) {
            if (action->shortcut() == keys) {
                action->trigger();
                return;
            }
        }
        ADD_FAILURE() << "no shortcut " << keys.toString().toStdString();
    };
    trigger(QKeySequence(Qt::Key_F5));
    trigger(QKeySequence(Qt::Key_F6));
    trigger(QKeySequence(Qt::Key_F10));
    trigger(QKeySequence(Qt::CTRL | Qt::Key_Equal));
    trigger(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    trigger(QKeySequence(Qt::Key_F9));
    EXPECT_EQ(host.asked, QStringList({"press 0", "press 1", "press 2", "speed 1", "step 1", "show tab"}));
    host.asked.clear();

    Question question;
    question.run = RunCheck{"pipe-request-response", {{"size", "8192"}, {"mode", "fast"}}};
    classroom->runExperiment(question);
    EXPECT_EQ(host.asked, QStringList({"select pipe-request-response", "set size=8192", "show stage", "run"}))
        << "a parameter that is not a number is left as it is";
    host.asked.clear();

    question.run = RunCheck{"missing", {}};
    classroom->runExperiment(question);
    EXPECT_EQ(host.asked, QStringList({"select missing"})) << "no run without its scenario";
    host.asked.clear();

    classroom->showMe(QStringLiteral("bench"));
    EXPECT_EQ(host.asked, QStringList({"it depends"}));
}

} // namespace
} // namespace ipclab
