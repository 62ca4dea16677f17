#include "gui/shell/main_window.h"
#include "gui/shell/window_classroom_host.h"

#include "gui/repeat/outcome_histogram_panel.h"
#include "gui/tables/measurement_model.h"

#include "gui/bridge/session_controller.h"
#include "gui/classroom/classroom.h"
#include "gui/common/text_format.h"
#include "gui/lab/lesson_page_view.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/memory/memory_panel.h"
#include "gui/replay/replay_bar.h"
#include "gui/replay/run_replay.h"
#include "gui/run/centre_tabs.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_view.h"
#include "gui/sync/sync_timeline_panel.h"
#include "gui/tables/counter_model.h"
#include "gui/tables/event_log_model.h"

#include <QCloseEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab {

namespace {

QGroupBox* group(const QString& title, QWidget* content, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QTableView* tableFor(QAbstractItemModel* model, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

} // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent), m_session(new SessionController(options.workerPath, this)), m_log(new EventLogModel(this)),
      m_measurements(new MeasurementModel(this)), m_counters(new CounterModel(this)) {
    setupCatalog(options.scenarioDir.empty() ? defaultScenarioDir() : options.scenarioDir);
    auto* stageColumn = new QSplitter(Qt::Vertical, this);
    stageColumn->addWidget(setupStageArea());
    m_tables = setupTables();
    stageColumn->addWidget(m_tables);
    stageColumn->setStretchFactor(0, 3);
    stageColumn->setStretchFactor(1, 1);
    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(setupSidebar());
    columns->addWidget(stageColumn);
    columns->setStretchFactor(1, 1);
    columns->setSizes({340, 1260});
    setCentralWidget(columns);
    setupConnections();
    resize(1600, 1000);

    setupFileMenu();
    menuBar()
        ->addMenu(tr("&Lab"))
        ->addAction(tr("It depends: message passing vs shared memory…"), this, &MainWindow::showItDepends);
    m_classroomHost = std::make_unique<WindowClassroomHost>(*this);
    m_classroom = new Classroom(*m_classroomHost);
    m_scenarios->setEntries(m_catalog.scenarios(), m_catalog.pages());
    if (!m_scenarios->selectScenario(QString::fromLatin1(kDefaultScenarioId)) && !m_catalog.scenarios().empty()) {
        m_scenarios->selectScenario(fromStd(m_catalog.scenarios().front().id));
    }
    statusBar()->showMessage(m_catalog.errors().empty() ? tr("Ready: choose a mode and press Run.")
                                                        : fromStd(m_catalog.errors().front()));
}

MainWindow::~MainWindow() {
    m_session->shutdown();
    // The classroom holds the host by reference; it goes first, before the host it talks to.
    delete m_classroom;
}

void MainWindow::setupCatalog(const std::filesystem::path& dir) {
    try {
        m_catalog.addDirectory(dir);
    } catch (const std::exception& failure) {
        // A missing scenario folder leaves an empty list; the status bar says why.
        statusBar()->showMessage(QString::fromStdString(failure.what()));
    }
}

QWidget* MainWindow::setupSidebar() {
    auto* sidebar = new QWidget(this);
    auto* layout = new QVBoxLayout(sidebar);
    m_scenarios = new ScenarioList(sidebar);
    m_params = new ParamPanel(sidebar);
    m_explanation = new QTextBrowser(sidebar);
    m_explanation->setOpenExternalLinks(false);
    layout->addWidget(group(tr("Scenarios"), m_scenarios, sidebar), 3);
    layout->addWidget(group(tr("Parameters"), m_params, sidebar));
    layout->addWidget(group(tr("What to look at"), m_explanation, sidebar), 4);
    return sidebar;
}

QWidget* MainWindow::setupStageArea() {
    auto* area = new QWidget(this);
    auto* layout = new QVBoxLayout(area);
    m_title = new QLabel(area);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_controls = new RunControls(area);
    m_centre = new CentreTabs(area);
    m_stage = m_centre->stage();
    m_syncTimeline = new SyncTimelinePanel(m_centre);
    m_centre->insertTab(1, m_syncTimeline, tr("Synchronisation"));
    m_outcomes = new OutcomeHistogramPanel(
        m_session->workerPath(), [this] { return m_params->values(); }, m_centre);
    m_centre->addTab(m_outcomes, tr("Many runs"));
    layout->addWidget(m_title);
    layout->addWidget(m_controls);
    // An explanation page takes the centre tabs' place; the title and controls stay.
    m_pageView = new LessonPageView(area);
    m_centreOrPage = new QStackedWidget(area);
    m_centreOrPage->addWidget(m_centre);
    m_centreOrPage->addWidget(m_pageView);
    layout->addWidget(m_centreOrPage, 1);
    m_replayBar = new ReplayBar(area);
    layout->addWidget(m_replayBar);
    return area;
}

QWidget* MainWindow::setupTables() {
    auto* tables = new QSplitter(Qt::Horizontal, this);
    m_logView = tableFor(m_log, tables);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->setColumnWidth(EventLogModel::Time, 86);
    m_logView->setColumnWidth(EventLogModel::Process, 64);
    m_logView->setColumnWidth(EventLogModel::Call, 196);
    m_logView->setColumnWidth(EventLogModel::Result, 70);
    m_logView->setColumnWidth(EventLogModel::PhaseColumn, 78);
    m_logView->verticalHeader()->hide();

    auto* counterBox = new QWidget(tables);
    auto* counterLayout = new QVBoxLayout(counterBox);
    counterLayout->setContentsMargins(0, 0, 0, 0);
    auto* counterView = tableFor(m_counters, counterBox);
    // Eight two-line column titles must fit beside the log; a size smaller than the numbers.
    counterView->setStyleSheet(QStringLiteral("QHeaderView::section:horizontal { font-size: 9pt; padding: 4px 2px; }"));
    counterView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    counterView->horizontalHeader()->setMinimumSectionSize(20);
    // The three rows (P1, P2, Total) are the lesson's figures: they must never be squeezed out.
    counterView->setMinimumHeight(counterView->horizontalHeader()->sizeHint().height() +
                                  4 * counterView->verticalHeader()->defaultSectionSize());
    m_transferSummary = new QLabel(counterBox);
    m_transferSummary->setWordWrap(true);
    counterLayout->addWidget(counterView, 1);
    counterLayout->addWidget(m_transferSummary);

    // The event log shares its place with the figures measured untraced after the traced run.
    m_bottomTabs = new QTabWidget(tables);
    m_bottomTabs->addTab(m_logView, tr("Event log"));
    auto* measuredView = tableFor(m_measurements, m_bottomTabs);
    measuredView->horizontalHeader()->setStretchLastSection(true);
    measuredView->setColumnWidth(MeasurementModel::What, 220);
    measuredView->setColumnWidth(MeasurementModel::Placement, 150);
    measuredView->setColumnWidth(MeasurementModel::Value, 80);
    measuredView->verticalHeader()->hide();
    m_bottomTabs->addTab(measuredView, tr("Measured, untraced"));
    tables->addWidget(m_bottomTabs);
    tables->addWidget(group(tr("Crossings and copies, counted from the observed system calls"), counterBox, tables));
    tables->setSizes({560, 740});
    return tables;
}

void MainWindow::setupConnections() {
    // The one list of the views a run's events are drawn in: the live run and the replay feed it.
    m_runViews.add(*m_stage);
    m_runViews.add(*m_centre->memory());
    m_runViews.add(*m_syncTimeline);
    m_runViews.add(*m_log);
    m_runViews.add(*m_counters);
    // First, so that the recording is complete when runEnded() goes out.
    m_replay = new RunReplay(m_session, m_replayBar, {&m_runViews, m_centre, m_syncTimeline, m_logView}, this);
    menuBar()->addMenu(tr("&File"))->addAction(m_replay->exportAction());
    connect(m_scenarios, &ScenarioList::scenarioSelected, this, &MainWindow::showScenario);
    connect(m_pageView, &LessonPageView::linkActivated, m_scenarios, &ScenarioList::selectScenario);
    connect(m_controls, &RunControls::runRequested, this, &MainWindow::startRun);
    connect(m_controls, &RunControls::stopRequested, m_session, &SessionController::stop);
    connect(m_controls, &RunControls::pauseToggled, m_session, &SessionController::setPaused);
    connect(m_controls, &RunControls::stepRequested, m_session, &SessionController::step);
    connect(m_controls, &RunControls::modeChanged, this, [this](PaceMode mode) {
        m_session->setMode(mode);
        m_stage->view()->setCopyAnimationMs(animationMsFor());
    });
    connect(m_controls, &RunControls::delayChanged, this, [this](std::chrono::milliseconds delay) {
        m_session->setDelay(delay);
        m_stage->view()->setCopyAnimationMs(animationMsFor());
    });
    connect(m_session, &SessionController::eventsArrived, this, [this](const std::vector<Event>& batch) {
        m_runViews.addEvents(batch);
        m_logView->scrollToBottom();
    });
    connect(m_syncTimeline, &SyncTimelinePanel::firstSyncEvent, this, [this] {
        if (m_syncTabFollowsRuns) {
            m_centre->setCurrentWidget(m_syncTimeline);
        }
    });
    connect(m_session, &SessionController::runFinished, this, &MainWindow::onFinished);
    connect(m_session, &SessionController::runFailed, this, &MainWindow::onFailed);
}

void MainWindow::showScenario(const QString& id) {
    if (const LessonPage* page = m_catalog.findPage(id.toStdString())) {
        showPage(*page);
        return;
    }
    m_current = m_catalog.find(id.toStdString());
    if (m_current == nullptr) {
        return;
    }
    setPageShown(false);
    setWindowTitle(tr("ipclab — %1").arg(fromStd(m_current->title)));
    m_title->setText(tr("§%1  %2").arg(m_current->section).arg(fromStd(m_current->title)));
    m_params->setScenario(*m_current);
    m_outcomes->setScenario(m_current);
    m_centre->setTabVisible(m_centre->indexOf(m_outcomes), OutcomeHistogramPanel::canRepeat(*m_current));
    QString html = QStringLiteral("<p><i>%1</i></p>").arg(fromStd(m_current->summary).toHtmlEscaped());
    for (const QString& paragraph : fromStd(m_current->explanation).split(QStringLiteral("\n\n"))) {
        html += QStringLiteral("<p>%1</p>").arg(paragraph.trimmed().toHtmlEscaped());
    }
    m_explanation->setHtml(html);
}

QString MainWindow::currentScenarioId() const {
    return m_current != nullptr ? fromStd(m_current->id) : QString();
}

int MainWindow::animationMsFor() const {
    switch (m_controls->mode()) {
    case PaceMode::Watch:
        return std::clamp(static_cast<int>(m_controls->delay().count()) * 3 / 2, 150, 700);
    case PaceMode::Step:
        return 600;
    case PaceMode::Free:
        return 250;
    }
    return 0;
}

void MainWindow::startRun() {
    if (m_current == nullptr || m_session->isRunning()) {
        return;
    }
    m_runViews.clear();
    m_measurements->clear();
    m_bottomTabs->setCurrentIndex(0);
    m_counters->clear();
    m_transferSummary->clear();
    m_lastResult.reset();
    m_stage->view()->setCopyAnimationMs(animationMsFor());
    QString error;
    if (!m_session->start(*m_current, m_params->values(), m_controls->mode(), m_controls->delay(), &error)) {
        showProblem(tr("The run could not start"), error);
        emit runEnded();
        return;
    }
    m_controls->setRunning(true);
    statusBar()->showMessage(tr("Running %1 with real processes…").arg(fromStd(m_current->title)));
}

void MainWindow::onFinished(const RunResult& result) {
    m_lastResult = result;
    m_stage->runEnded();
    m_controls->setRunning(false);
    QStringList reports;
    for (const ProcessOutcome& process : result.processes) {
        if (!process.report.empty()) {
            reports << tr("%1: %2").arg(fromStd(process.name), fromStd(process.report));
        }
    }
    const QString took = formatRunTime(result.durationNs);
    if (result.stopped) {
        statusBar()->showMessage(tr("Stopped after %1; every process and IPC object was removed.").arg(took));
    } else if (result.succeeded) {
        statusBar()->showMessage(tr("Finished in %1. %2").arg(took, reports.join(QStringLiteral("; "))));
    } else {
        showProblem(tr("The experiment failed"), fromStd(result.failure));
    }
    m_measurements->setMeasurements(result.measurements);
    if (!result.measurements.empty()) {
        m_bottomTabs->setCurrentIndex(1);
    }
    updateTransferSummary();
    emit runEnded();
}

void MainWindow::onFailed(const QString& message) {
    m_stage->runEnded();
    m_controls->setRunning(false);
    showProblem(tr("The run failed"), message);
    emit runEnded();
}

void MainWindow::updateTransferSummary() {
    if (!m_lastResult || !m_lastResult->traced) {
        m_transferSummary->setText(tr("Kernel observation was unavailable, so nothing was counted."));
        return;
    }
    // The whole run's figures, not the table's: a replay may show the table part-way through.
    const Tally transfer = m_lastResult->summary.ofPhase(Phase::Transfer);
    const auto crossings = transfer.crossings;
    const auto copies = transfer.copies;
    QString text =
        tr("Whole run, transfer phase, all processes: %1 crossings and %2 copies.").arg(crossings).arg(copies);
    const auto trips = m_lastResult->params.find("round_trips");
    if (trips != m_lastResult->params.end() && trips->second > 0) {
        text += tr(" That is %1 crossings and %2 copies per round trip.")
                    .arg(static_cast<double>(crossings) / static_cast<double>(trips->second), 0, 'g', 3)
                    .arg(static_cast<double>(copies) / static_cast<double>(trips->second), 0, 'g', 3);
    }
    m_transferSummary->setText(text);
}

void MainWindow::showProblem(const QString& title, const QString& message) {
    statusBar()->showMessage(tr("%1: %2").arg(title, message));
    // open(), not exec(): the event loop keeps running and the window stays live.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::pinSyncTab() {
    // Pinning the stage keeps the memory view from coming forward; then the timeline is shown.
    m_centre->pin(CentreTabs::Tab::Stage);
    m_centre->setCurrentWidget(m_syncTimeline);
}

void MainWindow::keepSyncTabBack() {
    m_syncTabFollowsRuns = false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_session->shutdown();
    event->accept();
}

} // namespace ipclab
