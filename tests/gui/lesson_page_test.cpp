// Explanation pages in the window: shown in place of the stage, not runnable, links that select
// scenarios, and extra folders opened from the File menu.
#include "gui/lab/lesson_page_view.h"
#include "gui/lab/lesson_picture.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/shell/main_window.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <algorithm>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

constexpr const char* kToyShop = "toy-shop-metaphor";

MainWindowOptions testOptions() {
    return {IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR};
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
    file.write(text);
}

TEST(LessonPageView, SelectingTheToyShopShowsThePageAndDisablesRun) {
    MainWindow window(testOptions());
    window.show();
    ASSERT_TRUE(window.scenarioList()->isPage(QString::fromLatin1(kToyShop)));
    ASSERT_TRUE(window.scenarioList()->selectScenario(QString::fromLatin1(kToyShop)));

    EXPECT_TRUE(window.showingPage());
    const LessonPageView* page = window.pageView();
    EXPECT_TRUE(page->isVisible());
    EXPECT_EQ(page->pageId(), QString::fromLatin1(kToyShop));
    EXPECT_TRUE(page->textView()->toPlainText().contains(QStringLiteral("shared workbench")));
    EXPECT_TRUE(page->picture()->isVisible());
    EXPECT_FALSE(page->picture()->isEmpty()) << "the SVG did not load";
    EXPECT_TRUE(window.currentScenarioId().isEmpty());
    EXPECT_FALSE(window.controls()->runButton()->isEnabled());
    window.startRun(); // refused quietly: nothing to run
    EXPECT_FALSE(window.lastResult().has_value());
    EXPECT_FALSE(window.controls()->runButton()->isEnabled());
}

TEST(LessonPageView, ClickingALinkSelectsThatScenario) {
    MainWindow window(testOptions());
    window.show();
    ASSERT_TRUE(window.scenarioList()->selectScenario(QString::fromLatin1(kToyShop)));
    const QList<QLabel*> links = window.pageView()->links();
    ASSERT_EQ(links.size(), 5);
    QLabel* messages = nullptr;
    for (QLabel* link : links) {
        if (link->property("linkId").toString() == QStringLiteral("pipe-request-response")) {
            messages = link;
        }
    }
    ASSERT_NE(messages, nullptr);
    EXPECT_TRUE(messages->text().contains(QStringLiteral("Request and response over two pipes")))
        << messages->text().toStdString();
    ASSERT_TRUE(messages->isVisible());
    // On the first characters of the title, which are all link.
    const QPoint onTitle(messages->contentsRect().left() + 6, messages->fontMetrics().height() / 2 + 1);
    QTest::mouseClick(messages, Qt::LeftButton, Qt::NoModifier, onTitle);

    EXPECT_EQ(window.currentScenarioId(), QStringLiteral("pipe-request-response"));
    EXPECT_EQ(window.scenarioList()->selectedId(), QStringLiteral("pipe-request-response"));
    EXPECT_FALSE(window.showingPage());
    EXPECT_TRUE(window.controls()->runButton()->isEnabled());
}

TEST(LessonPageView, OpenedFolderAddsItsPagesAndShowsItsErrors) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("extra.toml")), "kind = \"page\"\n"
                                                          "id = \"extra-page\"\n"
                                                          "title = \"An instructor's page\"\n"
                                                          "section = 19\n"
                                                          "summary = \"Added from a folder.\"\n"
                                                          "text = \"Some words.\"\n"
                                                          "[[links]]\n"
                                                          "id = \"lost-updates\"\n");
    writeFile(dir.filePath(QStringLiteral("broken.toml")), "kind = \"page\"\n"
                                                           "id = \"broken-page\"\n"
                                                           "title = \"Broken\"\n"
                                                           "section = 19\n"
                                                           "summary = \"x\"\n"
                                                           "txet = \"typo\"\n");
    MainWindow window(testOptions());
    window.show();
    // The menu offers it; the dialog itself is the platform's, so the test hands the folder over.
    const QList<QAction*> actions = window.menuBar()->actions();
    const auto file = std::find_if(actions.begin(), actions.end(), [](QAction* a) { return a->text() == "&File"; });
    ASSERT_NE(file, actions.end());
    ASSERT_FALSE((*file)->menu()->actions().isEmpty());
    EXPECT_EQ((*file)->menu()->actions().first()->text(), QStringLiteral("Open scenario folder…"));
    const QStringList problems = window.openScenarioFolder(dir.path());

    ASSERT_EQ(problems.size(), 1) << problems.join('\n').toStdString();
    const QString where = dir.filePath(QStringLiteral("broken.toml")) + QStringLiteral(":6:1: unknown field 'txet'");
    EXPECT_TRUE(problems[0].contains(where)) << problems[0].toStdString();
    auto* box = window.findChild<QMessageBox*>();
    ASSERT_NE(box, nullptr) << "the load error was not shown";
    EXPECT_TRUE(box->isVisible());
    EXPECT_TRUE(box->text().contains(where)) << box->text().toStdString();
    box->close();

    EXPECT_EQ(window.currentScenarioId(), QString::fromLatin1(kDefaultScenarioId)) << "the selection moved";
    ASSERT_TRUE(window.scenarioList()->isPage(QStringLiteral("extra-page")));
    ASSERT_TRUE(window.scenarioList()->selectScenario(QStringLiteral("extra-page")));
    EXPECT_TRUE(window.showingPage());
    EXPECT_TRUE(window.pageView()->picture()->isHidden());
    ASSERT_EQ(window.pageView()->links().size(), 1);
}

} // namespace
} // namespace ipclab
