#include "gui/sync/sync_timeline_view.h"

#include "gui/common/text_format.h"
#include "gui/stage/stage_palette.h"
#include "gui/sync/sync_timeline_painter.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QScrollBar>
#include <QStringList>
#include <QWheelEvent>
#include <algorithm>

namespace ipclab {

namespace {
constexpr int kFollowSlack = 4; ///< pixels from the right end that still count as following
constexpr double kZoomStep = 1.25;
constexpr double kMaxZoom = 2000.0;
} // namespace

SyncTimelineView::SyncTimelineView(const SyncTimelineData* timeline, QWidget* parent)
    : QGraphicsView(parent), m_data(timeline) {
    setScene(new QGraphicsScene(this));
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    // The label column is pinned to the viewport, so every scroll repaints the whole view.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setToolTip(tr("Ctrl + wheel zooms in on the moment under the pointer."));
    refresh();
}

void SyncTimelineView::refresh() {
    QScrollBar* bar = horizontalScrollBar();
    const bool following = bar->value() >= bar->maximum() - kFollowSlack;
    const std::int64_t first = m_data->firstNs().value_or(0);
    const std::int64_t last = std::max(m_data->latestNs(), first);
    m_geometry.originNs = first;
    m_geometry.fit(last, viewport()->width());
    m_geometry.pixelsPerMs *= m_zoom;
    const int lanes = static_cast<int>(m_data->lanes().size());
    m_geometry.fitHeight(viewport()->height(), lanes);
    scene()->setSceneRect(0.0, 0.0, std::max<double>(m_geometry.sceneWidth(last), viewport()->width()),
                          m_geometry.sceneHeight(lanes));
    if (following) {
        bar->setValue(bar->maximum());
    }
    viewport()->update();
}

QRectF SyncTimelineView::holdRect(int lane, std::size_t index) const {
    const SyncLane& steps = m_data->lanes().at(static_cast<std::size_t>(lane));
    return SyncTimelinePainter::spanRect(m_geometry, *m_data, lane, steps.holds.at(index), true);
}

QRectF SyncTimelineView::blockedRect(int lane, std::size_t index) const {
    const SyncLane& steps = m_data->lanes().at(static_cast<std::size_t>(lane));
    return SyncTimelinePainter::spanRect(m_geometry, *m_data, lane, steps.blocked.at(index), false);
}

void SyncTimelineView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, StagePalette::background());
    if (m_data->lanes().empty()) {
        painter->setPen(StagePalette::mutedText());
        painter->setFont(StagePalette::labelFont());
        painter->drawText(mapToScene(viewport()->rect()).boundingRect(), Qt::AlignCenter,
                          tr("Lock, semaphore and wake-up steps appear here when a run announces them."));
        return;
    }
    SyncTimelinePainter(*painter, m_geometry, *m_data, rect).paint();
}

void SyncTimelineView::drawForeground(QPainter* painter, const QRectF& /*rect*/) {
    // The names stay at the left edge of whatever part of the run is in view.
    const double left = mapToScene(0, 0).x();
    painter->fillRect(QRectF(left, 0.0, m_geometry.labelWidth, m_geometry.axisHeight), StagePalette::background());
    for (int lane = 0; lane < static_cast<int>(m_data->lanes().size()); ++lane) {
        paintLabel(*painter, lane, left);
    }
}

void SyncTimelineView::paintLabel(QPainter& painter, int lane, double left) {
    const SyncLane& steps = m_data->lanes()[static_cast<std::size_t>(lane)];
    const QRectF box(left, m_geometry.laneTop(lane), m_geometry.labelWidth - 4.0, m_geometry.laneHeight);
    painter.fillRect(box, StagePalette::processLane(lane));
    painter.fillRect(QRectF(box.left(), box.top(), 5.0, box.height()), StagePalette::processAccent(lane));
    const QRectF text = box.adjusted(12.0, 4.0, -2.0, -4.0);
    painter.setPen(StagePalette::processAccent(lane).darker(115));
    painter.setFont(StagePalette::titleFont());
    const QString title = steps.role.empty() ? fromStd(steps.name)
                                             : QStringLiteral("%1  %2").arg(fromStd(steps.name), fromStd(steps.role));
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                     QFontMetricsF(painter.font()).elidedText(title, Qt::ElideRight, text.width()));
    painter.setPen(StagePalette::text());
    painter.setFont(StagePalette::smallFont());
    QStringList calls{tr("futex calls: %1").arg(steps.calls[static_cast<std::size_t>(SyncCallFamily::Futex)])};
    if (const int sem = steps.calls[static_cast<std::size_t>(SyncCallFamily::Semaphore)]; sem > 0) {
        calls << tr("semop: %1").arg(sem);
    }
    if (const int queue = steps.calls[static_cast<std::size_t>(SyncCallFamily::Queue)]; queue > 0) {
        calls << tr("queue calls: %1").arg(queue);
    }
    painter.drawText(text, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, calls.join(QStringLiteral("  ")));
}

void SyncTimelineView::resetZoom() {
    m_zoom = 1.0;
    refresh();
}

void SyncTimelineView::wheelEvent(QWheelEvent* event) {
    if (!event->modifiers().testFlag(Qt::ControlModifier) || event->angleDelta().y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // The moment under the pointer stays under the pointer, so one can zoom into a burst of steps.
    const double pointerX = event->position().x();
    const std::int64_t anchor = m_geometry.timeForX(mapToScene(QPoint(static_cast<int>(pointerX), 0)).x());
    m_zoom = std::clamp(event->angleDelta().y() > 0 ? m_zoom * kZoomStep : m_zoom / kZoomStep, 1.0, kMaxZoom);
    refresh();
    horizontalScrollBar()->setValue(static_cast<int>(m_geometry.xForTime(anchor) - pointerX));
    event->accept();
}

void SyncTimelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    refresh();
}

} // namespace ipclab
