// MainWindow's explanation pages and its File → Open scenario folder… action, kept apart from
// main_window.cpp so that the window's run handling stays readable.
#include "gui/shell/main_window.h"

#include "gui/common/text_format.h"
#include "gui/lab/lesson_page_view.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_folder.h"
#include "gui/lab/scenario_list.h"
#include "gui/run/centre_tabs.h"

#include <QAction>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>

namespace ipclab {

bool MainWindow::showingPage() const {
    return m_centreOrPage->currentWidget() == m_pageView;
}

void MainWindow::showPage(const LessonPage& page) {
    // Nothing to run: startRun() refuses without a current scenario, and Run is disabled.
    m_current = nullptr;
    setWindowTitle(tr("ipclab — %1").arg(fromStd(page.title)));
    m_title->setText(tr("§%1  %2").arg(page.section).arg(fromStd(page.title)));
    m_params->setScenario(Scenario{});
    m_explanation->setHtml(tr("<p><i>%1</i></p><p>This is an explanation page: there is nothing to run "
                              "here. The links beside its text lead to the scenarios that show it.</p>")
                               .arg(fromStd(page.summary).toHtmlEscaped()));
    m_pageView->setPage(page, m_catalog);
    setPageShown(true);
}

void MainWindow::setPageShown(bool shown) {
    if (shown) {
        m_centreOrPage->setCurrentWidget(m_pageView);
    } else {
        m_centreOrPage->setCurrentWidget(m_centre);
    }
    // A page has no events or counts; its text gets their room until a scenario is chosen again.
    m_tables->setVisible(!shown);
    m_controls->setRunnable(!shown);
}

void MainWindow::setupFileMenu() {
    // Other parts of the window may have made the File menu already; the action joins it, first.
    QMenu* file = nullptr;
    for (QAction* action : menuBar()->actions()) {
        if (action->menu() != nullptr && action->text() == tr("&File")) {
            file = action->menu();
        }
    }
    if (file == nullptr) {
        file = menuBar()->addMenu(tr("&File"));
    }
    auto* open = new QAction(tr("Open scenario folder…"), file);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Add the scenario and explanation page files (*.toml) of a folder to the list"));
    connect(open, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open scenario folder"));
        if (!dir.isEmpty()) {
            openScenarioFolder(dir);
        }
    });
    QAction* first = file->actions().value(0);
    file->insertAction(first, open);
    if (first != nullptr) {
        file->insertSeparator(first);
    }
}

QStringList MainWindow::openScenarioFolder(const QString& dir) {
    const QString selected = m_scenarios->selectedId();
    const FolderLoadReport report = addScenarioFolder(m_catalog, dir);
    {
        // The catalogue's lists moved: list them again and point at the same scenario, without
        // resetting the parameters the user set.
        const QSignalBlocker quiet(m_scenarios);
        m_scenarios->setEntries(m_catalog.scenarios(), m_catalog.pages());
        m_scenarios->selectScenario(selected);
        m_current = showingPage() ? nullptr : m_catalog.find(selected.toStdString());
    }
    statusBar()->showMessage(report.summary(dir));
    if (!report.problems.isEmpty()) {
        showProblem(tr("Some files in %1 did not load").arg(dir), report.problems.join(QStringLiteral("\n\n")));
    }
    return report.problems;
}

} // namespace ipclab
