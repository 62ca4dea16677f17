#include "gui/stage/lane_marker_item.h"

#include "gui/stage/stage_palette.h"

#include <QFontMetricsF>
#include <QPainter>

namespace ipclab {

namespace {
constexpr double kPillHeight = 22.0;
}

LaneMarkerItem::LaneMarkerItem(double left, double width, double y, const QString& text, QColor colour)
    : m_left(left), m_width(width), m_y(y), m_text(text), m_colour(colour) {
    setZValue(-5.0);
}

QRectF LaneMarkerItem::boundingRect() const {
    return {m_left, m_y - kPillHeight / 2.0, m_width, kPillHeight};
}

void LaneMarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    QPen rule(m_colour, 1.0, Qt::DotLine);
    painter->setPen(rule);
    painter->drawLine(QPointF(m_left + 6.0, m_y), QPointF(m_left + m_width - 6.0, m_y));

    painter->setFont(StagePalette::smallFont());
    const double textWidth = QFontMetricsF(painter->font()).horizontalAdvance(m_text) + 20.0;
    const QRectF pill(m_left + (m_width - textWidth) / 2.0, m_y - kPillHeight / 2.0, textWidth, kPillHeight);
    painter->setPen(QPen(m_colour, 1.0));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(pill, kPillHeight / 2.0, kPillHeight / 2.0);
    painter->setPen(m_colour);
    painter->drawText(pill, Qt::AlignCenter, m_text);
}

} // namespace ipclab
