#pragma once

#include "events/event.h"
#include "gui/common/event_view.h"
#include "gui/sync/sync_timeline_data.h"

#include <QWidget>

class QLabel;
class QTimer;

namespace ipclab {

class SyncTimelineView;

/// The "Synchronisation" tab: a legend, the sync timeline and a summary of the time each process
/// spent blocked. Takes the run's event batches as they come and redraws at most ten times a
/// second. GUI thread only.
class SyncTimelinePanel : public QWidget, public EventView {
    Q_OBJECT
public:
    explicit SyncTimelinePanel(QWidget* parent = nullptr);

    /// Forgets the previous run.
    void clear() override;
    /// Lanes are named from the processes' announcements in the batch.
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override;
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
