#include "gui/stage/copy_block_item.h"

#include "gui/stage/stage_palette.h"

#include <QEasingCurve>
#include <QFontMetricsF>
#include <QPainter>
#include <QVariantAnimation>

namespace ipclab {

namespace {
constexpr double kHeight = 24.0;
constexpr double kPadding = 10.0;
} // namespace

CopyBlockItem::CopyBlockItem(const QString& label, QColor colour, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_label(label), m_colour(colour) {
    m_width = QFontMetricsF(StagePalette::smallFont()).horizontalAdvance(m_label) + 2.0 * kPadding;
    setZValue(5.0);
}

void CopyBlockItem::travel(QPointF from, QPointF to, int durationMs) {
    if (durationMs <= 0) {
        setPos(to);
        return;
    }
    setPos(from);
    m_animation = new QVariantAnimation(this);
    m_animation->setStartValue(from);
    m_animation->setEndValue(to);
    m_animation->setDuration(durationMs);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& value) { setPos(value.toPointF()); });
    m_animation->start(QAbstractAnimation::DeleteWhenStopped);
}

bool CopyBlockItem::isTravelling() const {
    return !m_animation.isNull();
}

QRectF CopyBlockItem::boundingRect() const {
    return {-m_width / 2.0, -kHeight / 2.0, m_width, kHeight};
}

void CopyBlockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_colour.darker(130), 1.0));
    painter->setBrush(m_colour);
    painter->drawRoundedRect(boundingRect(), 5.0, 5.0);
    painter->setPen(Qt::white);
    painter->setFont(StagePalette::smallFont());
    painter->drawText(boundingRect(), Qt::AlignCenter, m_label);
}

} // namespace ipclab
