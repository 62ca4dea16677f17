#pragma once

#include "events/event.h"
#include "gui/replay/trace_exporter.h"
#include "session/session.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <map>
#include <memory>
#include <vector>

class QTableView;

namespace ipclab {

class CentreTabs;
class CounterModel;
class EventLogModel;
class ReplayBar;
class SessionController;
class SyncTimelinePanel;

/// The views a replay rebuilds: everything the window draws from a run's events.
struct ReplayViews {
    CentreTabs* centre = nullptr;
    SyncTimelinePanel* syncTimeline = nullptr;
    EventLogModel* log = nullptr;
    CounterModel* counters = nullptr;
    QTableView* logView = nullptr;
};

/// Records each run's events as the session delivers them and, once the run is over, lets the
/// replay bar scrub through the recording: the stage, the memory view, the sync timeline, the
/// log and the counters are rebuilt from the first `position` events (moving forward only adds
/// the events in between). Slider drags are coalesced to one rebuild per display tick, so a long
/// recording never stalls the window. Also owns "Export trace…" for the recording. GUI thread only.
class RunReplay : public QObject {
    Q_OBJECT
public:
    RunReplay(SessionController* session, ReplayBar* bar, ReplayViews views, QObject* parent = nullptr);

    /// Shows the recording up to `position` (clamped to 0..count()) now. Ignored while a run goes.
    void seek(int position);
    /// How many events are shown (count() when the replay is at the end).
    int position() const { return m_shown; }
    int count() const { return m_events ? static_cast<int>(m_events->size()) : 0; }
    /// True once a run has ended and until the next one starts.
    bool available() const { return m_available; }
    /// The last run's events, in order (empty while a run goes).
    const std::vector<Event>& events() const;

    QAction* exportAction() const { return m_exporter->action(); }
    TraceExporter* exporter() const { return m_exporter; }

signals:
    /// The views now show the first `position` events.
    void positionShown(int position);

private:
    void onRunStarted();
    void onRunEnded(const RunResult* result);
    void applyRequested();
    void rebuild(int position);
    void advance(int position);
    void showLabel();

    ReplayBar* m_bar;
    ReplayViews m_views;
    TraceExporter* m_exporter;
    QTimer m_coalesce;
    std::vector<Event> m_recording;                     ///< filled while a run goes
    std::shared_ptr<const std::vector<Event>> m_events; ///< the finished run's, shared with exports
    std::map<int, QString> m_names;                     ///< pid -> "P1"
    int m_requested = 0;
    int m_shown = 0;
    bool m_available = false;
};

} // namespace ipclab
