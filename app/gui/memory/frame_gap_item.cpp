#include "gui/memory/frame_gap_item.h"

#include "gui/stage/stage_palette.h"

#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace ipclab {

FrameGapItem::FrameGapItem(const QRectF& rect, std::uint64_t skipped)
    : m_rect(rect), m_skipped(skipped), m_label(new QGraphicsSimpleTextItem(this)) {
    const QString count = QLocale(QLocale::English).toString(static_cast<qulonglong>(skipped));
    m_label->setText(skipped == 1 ? QObject::tr("1 frame between: not contiguous")
                                  : QObject::tr("%1 frames between: not contiguous").arg(count));
    QFont font = StagePalette::smallFont();
    font.setItalic(true);
    m_label->setFont(font);
    m_label->setBrush(StagePalette::mutedText());
    const QRectF text = m_label->boundingRect();
    m_label->setPos(rect.center().x() - text.width() / 2.0, rect.center().y() - text.height() / 2.0);
}

void FrameGapItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(StagePalette::mutedText(), 1.0, Qt::DotLine));
    // Two zig-zag tears across the column, above and below the label.
    for (const double y : {m_rect.top() + 3.0, m_rect.bottom() - 3.0}) {
        QPainterPath tear(QPointF(m_rect.left(), y));
        const double step = m_rect.width() / 14.0;
        for (int i = 1; i <= 14; ++i) {
            tear.lineTo(m_rect.left() + i * step, y + (i % 2 == 0 ? 0.0 : -3.0));
        }
        painter->drawPath(tear);
    }
}

} // namespace ipclab
