#pragma once

#include "gui/run/run_views.h"
#include "scenario/scenario_catalog.h"
#include "session/session.h"

#include <QMainWindow>
#include <QStringList>
#include <filesystem>
#include <memory>
#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace ipclab {

class CentreTabs;
class SyncTimelinePanel;
class MeasurementModel;
class OutcomeHistogramPanel;
class BenchPanel;
class Classroom;
class WindowClassroomHost;

class CounterModel;
class EventLogModel;
class LessonPageView;
class ParamPanel;
class ReplayBar;
class RunControls;
class RunReplay;
class ScenarioList;
class SessionController;
class StagePanel;

struct MainWindowOptions {
    std::filesystem::path workerPath;  ///< empty: core's default (beside the app, or $IPCLAB_WORKER)
    std::filesystem::path scenarioDir; ///< empty: defaultScenarioDir()
};

/// The lab: scenarios on the left, the stage in the middle with its controls, the event log and
/// the counters below. Opens on the default scenario. Closing it stops a run and waits for its
/// children to be gone. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Runs the selected scenario with the parameters as set; a refusal goes to the status bar
    /// and a message box that does not block.
    void startRun();
    QString currentScenarioId() const;
    /// The result of the last run that finished, if any.
    const std::optional<RunResult>& lastResult() const { return m_lastResult; }

    RunControls* controls() const { return m_controls; }
    StagePanel* stage() const { return m_stage; }
    /// The stage, the memory view and the ipcs panel, in tabs.
    CentreTabs* centre() const { return m_centre; }
    /// The "Synchronisation" tab beside the stage; it comes forward at a run's first sync step.
    SyncTimelinePanel* syncTimeline() const { return m_syncTimeline; }
    OutcomeHistogramPanel* outcomes() const { return m_outcomes; }
    /// Shows the Synchronisation tab and keeps it there through runs.
    void pinSyncTab();
    /// Another centre tab was pinned: a run's first sync step no longer brings the timeline forward.
    void keepSyncTabBack();
    ParamPanel* params() const { return m_params; }
    ScenarioList* scenarioList() const { return m_scenarios; }
    EventLogModel* eventLog() const { return m_log; }
    CounterModel* counters() const { return m_counters; }
    MeasurementModel* measurements() const { return m_measurements; }
    SessionController* session() const { return m_session; }
    /// The explanation page, shown instead of the centre tabs while a page is selected.
    LessonPageView* pageView() const { return m_pageView; }
    /// True while an explanation page is shown; Run is disabled then.
    bool showingPage() const;
    /// Adds the scenarios and pages in `dir` to the list (File → Open scenario folder…). Files
    /// that do not load are shown in a message box, each with file, line and field, and returned.
    QStringList openScenarioFolder(const QString& dir);
    /// The finished run's recording, scrubbed with the replay bar under the stage.
    RunReplay* replay() const { return m_replay; }
    ReplayBar* replayBar() const { return m_replayBar; }
    /// Opens "It depends" (§7–§9, message passing vs shared memory measured here) in its own
    /// window, made when first asked for; the §7 quiz's "show me" calls this too.
    void showItDepends(); // main_window_bench.cpp
    BenchPanel* itDepends() const { return m_itDepends; }
    /// The Quizzes tab, presenter mode and the classroom shortcuts (classroom.h).
    Classroom* classroom() const { return m_classroom; }
    /// Every view that draws a run's events, fed by the live run and the replay alike; a view
    /// added here is drawn in both.
    RunViews& runViews() { return m_runViews; }

signals:
    /// A run ended, finished or failed; lastResult() is set when it finished.
    void runEnded();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setupCatalog(const std::filesystem::path& dir);
    QWidget* setupSidebar();
    QWidget* setupStageArea();
    QWidget* setupTables();
    void setupConnections();
    void showScenario(const QString& id);
    void showPage(const LessonPage& page); // main_window_pages.cpp
    void setupFileMenu();                  // main_window_pages.cpp
    void setPageShown(bool shown);         // main_window_pages.cpp
    void onFinished(const RunResult& result);
    void onFailed(const QString& message);
    void showProblem(const QString& title, const QString& message);
    void updateTransferSummary();
    int animationMsFor() const;

    ScenarioCatalog m_catalog;
    RunViews m_runViews;
    const Scenario* m_current = nullptr;
    std::optional<RunResult> m_lastResult;
    SessionController* m_session;
    EventLogModel* m_log;
    MeasurementModel* m_measurements;
    CounterModel* m_counters;
    ScenarioList* m_scenarios = nullptr;
    ParamPanel* m_params = nullptr;
    QTextBrowser* m_explanation = nullptr;
    RunControls* m_controls = nullptr;
    StagePanel* m_stage = nullptr;
    CentreTabs* m_centre = nullptr;
    QStackedWidget* m_centreOrPage = nullptr;
    LessonPageView* m_pageView = nullptr;
    QWidget* m_tables = nullptr; ///< event log and counters: hidden while a page is shown
    SyncTimelinePanel* m_syncTimeline = nullptr;
    OutcomeHistogramPanel* m_outcomes = nullptr;
    bool m_syncTabFollowsRuns = true;
    QLabel* m_title = nullptr;
    QLabel* m_transferSummary = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QTableView* m_logView = nullptr;
    ReplayBar* m_replayBar = nullptr;
    RunReplay* m_replay = nullptr;
    BenchPanel* m_itDepends = nullptr;
    std::unique_ptr<WindowClassroomHost> m_classroomHost; ///< what the classroom may ask of the window
    Classroom* m_classroom = nullptr;
};

} // namespace ipclab
