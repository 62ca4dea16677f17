#include "gui/stage/lane_item.h"

#include "gui/stage/stage_palette.h"

#include <QPainter>

namespace ipclab {

LaneItem::LaneItem(double left, double width, QColor fill, QColor accent)
    : m_left(left), m_width(width), m_fill(fill), m_accent(accent) {
    setZValue(-10.0);
}

void LaneItem::setBottom(double bottom) {
    if (bottom == m_bottom) {
        return;
    }
    prepareGeometryChange();
    m_bottom = bottom;
}

QRectF LaneItem::boundingRect() const {
    return {m_left, 0.0, m_width, m_bottom};
}

void LaneItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_fill);
    painter->drawRoundedRect(boundingRect(), 10.0, 10.0);
    QPen lifeline(m_accent, StagePalette::lineWidth(1.5), Qt::DashLine);
    lifeline.setCosmetic(true);
    painter->setPen(lifeline);
    painter->drawLine(QPointF(centreX(), 0.0), QPointF(centreX(), m_bottom));
}

} // namespace ipclab
