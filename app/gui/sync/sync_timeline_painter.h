#pragma once

#include "gui/sync/sync_timeline_data.h"
#include "gui/sync/sync_timeline_geometry.h"

#include <QPointF>
#include <QRectF>

class QPainter;

namespace ipclab {

/// Paints one exposed part of the sync timeline from its data. Dense runs (thousands of lock
/// steps) stay cheap: bars closer than a pixel merge into one, and ticks and markers on a pixel
/// already drawn are skipped, so the work is bounded by the width on screen, not by the run.
/// Lives for one paint call on the GUI thread.
class SyncTimelinePainter {
public:
    SyncTimelinePainter(QPainter& painter, const SyncTimelineGeometry& geometry, const SyncTimelineData& data,
                        const QRectF& clip);

    void paint();

    /// The bar of a span on `lane`; `holding` picks the band.
    static QRectF spanRect(const SyncTimelineGeometry& geometry, const SyncTimelineData& data, int lane,
                           const SyncSpan& span, bool holding);

private:
    void paintAxis();
    void paintLanes();
    void paintSpans(int lane, const std::vector<SyncSpan>& spans, bool holding);
    void paintTicks(int lane);
    void paintMarks(int lane);
    void paintMark(const SyncMark& mark, double x, double y);
    /// Returns where the written labels now end on the right.
    double paintMarkLabel(const SyncMark& mark, QPointF at, double nextX, double textRight);
    void paintFlows();

    QPainter& m_painter;
    const SyncTimelineGeometry& m_geometry;
    const SyncTimelineData& m_data;
    QRectF m_clip;
};

} // namespace ipclab
