#include "gui/stage/call_arrow_item.h"

#include "gui/stage/stage_palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

namespace ipclab {

namespace {
constexpr double kHead = 9.0;
constexpr double kLabelHeight = 20.0;
} // namespace

CallArrowItem::CallArrowItem(Kind kind, double fromX, double toX, double y, const QString& label, QColor colour)
    : m_kind(kind), m_fromX(fromX), m_toX(toX), m_y(y), m_label(label), m_colour(colour) {}

QRectF CallArrowItem::boundingRect() const {
    const double left = std::min(m_fromX, m_toX) - kHead;
    const double right = std::max(m_fromX, m_toX) + kHead;
    return {left, m_y - kLabelHeight - 2.0, right - left, kLabelHeight + kHead + 2.0};
}

void CallArrowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_colour, StagePalette::lineWidth(m_kind == Kind::Entry ? 2.0 : 1.5),
             m_kind == Kind::Entry ? Qt::SolidLine : Qt::DashLine);
    painter->setPen(pen);
    const double direction = m_toX >= m_fromX ? 1.0 : -1.0;
    const QPointF tip(m_toX, m_y);
    painter->drawLine(QPointF(m_fromX, m_y), tip - QPointF(direction * kHead * 0.6, 0.0));

    painter->setPen(Qt::NoPen);
    painter->setBrush(m_colour);
    const QPolygonF head{tip, tip + QPointF(-direction * kHead, -kHead / 2.0),
                         tip + QPointF(-direction * kHead, kHead / 2.0)};
    painter->drawPolygon(head);

    painter->setPen(m_colour);
    painter->setFont(StagePalette::labelFont());
    const double left = std::min(m_fromX, m_toX);
    const double width = std::abs(m_toX - m_fromX);
    const QRectF textBox(left + 6.0, m_y - kLabelHeight - 1.0, width - 12.0, kLabelHeight);
    const QFontMetricsF metrics(painter->font());
    // The label sits nearer the process end, so that P1's and P2's labels never meet mid-kernel.
    const Qt::Alignment side = (m_kind == Kind::Entry) == (direction > 0) ? Qt::AlignLeft : Qt::AlignRight;
    painter->drawText(textBox, side | Qt::AlignBottom, metrics.elidedText(m_label, Qt::ElideRight, textBox.width()));
}

} // namespace ipclab
