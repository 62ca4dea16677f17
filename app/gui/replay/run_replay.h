#pragma once

#include "events/event.h"
#include "gui/replay/trace_exporter.h"
#include "session/session.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

class QTableView;

namespace ipclab {

class CentreTabs;
class ReplayBar;
class RunViews;
class SessionController;
class SyncTimelinePanel;

/// What a replay rebuilds: the run's views (the same list the live run feeds), and the widgets
/// around them that it keeps steady while it does.
struct ReplayViews {
    RunViews* views = nullptr;
    CentreTabs* centre = nullptr;              ///< its tab in front stays in front
    SyncTimelinePanel* syncTimeline = nullptr; ///< drawn at once after a rebuild
    QTableView* logView = nullptr;             ///< follows the newest row
};

/// Records each run's events as the session delivers them and, once the run is over, lets the
/// replay bar scrub through the recording: every view of the run's RunViews is rebuilt from the
/// first `position` events (moving forward only adds
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
    int m_requested = 0;
    int m_shown = 0;
    bool m_available = false;
};

} // namespace ipclab
