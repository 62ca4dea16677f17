#include "gui/stage/buffer_gauge_item.h"

#include "gui/common/text_format.h"
#include "gui/stage/stage_palette.h"

#include <QObject>
#include <QPainter>
#include <algorithm>

namespace ipclab {

namespace {
constexpr double kHeight = 44.0;
constexpr double kBarHeight = 14.0;
} // namespace

BufferGaugeItem::BufferGaugeItem(const QString& channel, double width, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_channel(channel), m_width(width) {}

void BufferGaugeItem::setLevel(std::uint64_t used, std::uint64_t capacity, LevelUnit unit) {
    m_used = used;
    m_capacity = capacity;
    m_unit = unit;
    m_peak = std::max(m_peak, used);
    update();
}

QString BufferGaugeItem::levelText() const {
    if (m_unit == LevelUnit::Messages) {
        return QObject::tr("%1 / %2 messages").arg(m_used).arg(m_capacity);
    }
    if (m_unit == LevelUnit::Count) {
        return QObject::tr("%1 of at most %2").arg(m_used).arg(m_capacity);
    }
    return formatBytes(m_used).chopped(2) + QStringLiteral(" / ") + formatBytes(m_capacity);
}

double BufferGaugeItem::fraction(std::uint64_t bytes) const {
    if (m_capacity == 0) {
        return 0.0;
    }
    return std::clamp(static_cast<double>(bytes) / static_cast<double>(m_capacity), 0.0, 1.0);
}

QRectF BufferGaugeItem::boundingRect() const {
    return {0.0, 0.0, m_width, kHeight};
}

void BufferGaugeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF text(0.0, 0.0, m_width, kHeight - kBarHeight - 6.0);
    painter->setPen(StagePalette::text());
    painter->setFont(StagePalette::labelFont());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_channel);
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, levelText());

    const QRectF bar(0.0, kHeight - kBarHeight - 4.0, m_width, kBarHeight);
    painter->setPen(QPen(StagePalette::kernelAccent(), 1.0));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(bar, 4.0, 4.0);
    if (m_used > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(StagePalette::copyUserToKernel().lighter(115));
        painter->drawRoundedRect(QRectF(bar.topLeft(), QSizeF(bar.width() * fraction(m_used), bar.height())), 4.0, 4.0);
    }
    if (m_peak > 0) {
        const double x = bar.left() + bar.width() * fraction(m_peak);
        painter->setPen(QPen(StagePalette::kernelAccent(), 2.0));
        painter->drawLine(QPointF(x, bar.top() - 2.0), QPointF(x, bar.bottom() + 2.0));
    }
}

} // namespace ipclab
