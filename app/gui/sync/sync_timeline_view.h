#pragma once

#include "gui/sync/sync_timeline_data.h"
#include "gui/sync/sync_timeline_geometry.h"

#include <QGraphicsView>

namespace ipclab {

/// Draws a SyncTimelineData: time left to right, a lane per process, the lane names and kernel
/// call counters pinned on the left. The run fits the width while it can; a longer run grows to
/// the right and the view follows the newest time unless the user scrolled back. Paints straight
/// from the data (no item per step), so a run of thousands of lock steps stays light. Redraws only
/// when refresh() is called: the owner throttles. GUI thread only.
class SyncTimelineView : public QGraphicsView {
    Q_OBJECT
public:
    /// `timeline` is not owned and must outlive the view.
    explicit SyncTimelineView(const SyncTimelineData* data, QWidget* parent = nullptr);

    /// Re-fits the scale to the data, grows the scene, follows the newest time, repaints.
    void refresh();
    /// Back to the whole run in the width (a new run starts unzoomed).
    void resetZoom();
    /// How many times wider than the fitted scale the user zoomed (Ctrl + wheel); 1 when not.
    double zoom() const { return m_zoom; }
    const SyncTimelineGeometry& geometry() const { return m_geometry; }
    /// Scene rectangles of a lane's bars, as painted; for tests and tooltips.
    QRectF holdRect(int lane, std::size_t index) const;
    QRectF blockedRect(int lane, std::size_t index) const;

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void paintLabel(QPainter& painter, int lane, double left);

    const SyncTimelineData* m_data;
    SyncTimelineGeometry m_geometry;
    double m_zoom = 1.0;
};

} // namespace ipclab
