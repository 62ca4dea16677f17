#include "gui/stage/lane_header_item.h"

#include "gui/stage/stage_palette.h"

#include <QFontMetricsF>
#include <QPainter>

namespace ipclab {

namespace {
constexpr double kTitleBand = 56.0;
}

LaneHeaderItem::LaneHeaderItem(double left, double width, double height, QColor accent)
    : m_left(left), m_width(width), m_height(height), m_accent(accent) {
    setZValue(20.0);
}

void LaneHeaderItem::setTexts(const QString& title, const QString& subtitle) {
    m_title = title;
    m_subtitle = subtitle;
    update();
}

void LaneHeaderItem::setStatus(const QString& phase, const QString& activity) {
    m_phase = phase;
    m_activity = activity;
    update();
}

void LaneHeaderItem::setBackdropMargin(double margin) {
    prepareGeometryChange();
    m_backdropMargin = margin;
}

void LaneHeaderItem::setHeight(double height) {
    if (height == m_height) {
        return;
    }
    prepareGeometryChange();
    m_height = height;
}

QRectF LaneHeaderItem::boundingRect() const {
    return {m_left - m_backdropMargin, 0.0, m_width + 2.0 * m_backdropMargin, m_height + 4.0};
}

void LaneHeaderItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    // Opaque backdrop so rows scrolling underneath do not show through the pinned header.
    painter->fillRect(boundingRect(), StagePalette::background());
    const QRectF title(m_left + 4.0, 4.0, m_width - 8.0, kTitleBand - 8.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_accent);
    painter->drawRoundedRect(title, 8.0, 8.0);

    painter->setPen(Qt::white);
    painter->setFont(StagePalette::titleFont());
    const QRectF top = title.adjusted(0.0, 2.0, 0.0, -title.height() / 2.0 + 4.0);
    painter->drawText(top, Qt::AlignCenter, m_title);
    painter->setFont(StagePalette::smallFont());
    const QRectF bottom = title.adjusted(0.0, title.height() / 2.0, 0.0, -2.0);
    painter->drawText(bottom, Qt::AlignCenter, m_subtitle);

    if (m_phase.isEmpty() && m_activity.isEmpty()) {
        return;
    }
    const QRectF status(m_left + 8.0, kTitleBand, m_width - 16.0, m_height - kTitleBand - 6.0);
    painter->setPen(QPen(m_accent, 1.0));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(status, 6.0, 6.0);
    const QFontMetricsF metrics(painter->font());
    const QRectF text = status.adjusted(8.0, 6.0, -8.0, -6.0);
    painter->setPen(StagePalette::mutedText());
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, m_phase);
    painter->setPen(StagePalette::text());
    painter->drawText(text.adjusted(0.0, metrics.lineSpacing() + 2.0, 0.0, 0.0),
                      Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_activity);
}

} // namespace ipclab
