#pragma once

#include "events/event.h"
#include "gui/sync/sync_timeline_data.h"

#include <QWidget>
#include <vector>

class QLabel;
class QTimer;

namespace ipclab {

class SyncTimelineView;

/// The "Synchronisation" tab: a legend, the sync timeline and a summary of the time each process
/// spent blocked. Takes the run's event batches as they come and redraws at most ten times a
/// second. GUI thread only.
class SyncTimelinePanel : public QWidget {
    Q_OBJECT
public:
    explicit SyncTimelinePanel(QWidget* parent = nullptr);

    /// Forgets the previous run.
    void clear();
    void addEvents(const std::vector<Event>& batch);
    /// Redraws now instead of at the next throttled tick (tests, the end of a run).
    void flush();

    const SyncTimelineData& data() const { return m_data; }
    SyncTimelineView* view() const { return m_view; }
    QString summaryText() const;

signals:
    /// The run announced its first synchronisation step: worth bringing this tab forward.
    void firstSyncEvent();

private:
    void setupLegend();

    SyncTimelineData m_data;
    SyncTimelineView* m_view;
    QLabel* m_legend;
    QLabel* m_summary;
    QTimer* m_redraw;
};

} // namespace ipclab
