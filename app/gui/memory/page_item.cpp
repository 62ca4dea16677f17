#include "gui/memory/page_item.h"

#include "gui/stage/stage_palette.h"

#include <QFontDatabase>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

namespace ipclab {

namespace {
constexpr double kRadius = 6.0;
constexpr double kPadding = 10.0;

QColor fillFor(PageItem::Style style, const QColor& accent) {
    switch (style) {
    case PageItem::Style::Present:
        return QColor::fromHsl(accent.hslHue(), accent.hslSaturation(), 228);
    case PageItem::Style::Absent:
        return Qt::white;
    case PageItem::Style::Frame:
        return QColor::fromRgb(0xe4e3ec);
    case PageItem::Style::SharedFrame:
        return QColor::fromRgb(0x4a4a68);
    }
    return Qt::white;
}
} // namespace

PageItem::PageItem(const QRectF& rect, QColor accent, Style style)
    : m_rect(rect), m_accent(accent), m_style(style), m_title(new QGraphicsSimpleTextItem(this)),
      m_detail(new QGraphicsSimpleTextItem(this)) {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(StagePalette::labelFont().pointSizeF());
    mono.setBold(style != Style::Absent);
    m_title->setFont(mono);
    m_detail->setFont(StagePalette::smallFont());
    const bool dark = style == Style::SharedFrame;
    m_title->setBrush(dark ? QColor(Qt::white) : StagePalette::text());
    m_detail->setBrush(dark ? QColor::fromRgb(0xdcdcf0) : StagePalette::mutedText());
}

void PageItem::setTexts(const QString& title, const QString& detail) {
    m_title->setText(title);
    m_detail->setText(detail);
    const double titleHeight = m_title->boundingRect().height();
    const double detailHeight = detail.isEmpty() ? 0.0 : m_detail->boundingRect().height();
    const double top = m_rect.top() + (m_rect.height() - titleHeight - detailHeight) / 2.0;
    m_title->setPos(m_rect.left() + kPadding, top);
    m_detail->setPos(m_rect.left() + kPadding, top + titleHeight);
}

QString PageItem::title() const {
    return m_title->text();
}

QString PageItem::detail() const {
    return m_detail->text();
}

QPointF PageItem::anchor(bool fromLeft) const {
    return mapToScene(QPointF(fromLeft ? m_rect.left() : m_rect.right(), m_rect.center().y()));
}

QRectF PageItem::boundingRect() const {
    return m_rect.adjusted(-2, -2, 2, 2);
}

void PageItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(m_style == Style::Absent ? StagePalette::mutedText() : m_accent, m_style == Style::Absent ? 1.2 : 1.8);
    if (m_style == Style::Absent) {
        pen.setStyle(Qt::DashLine);
    }
    painter->setPen(pen);
    painter->setBrush(fillFor(m_style, m_accent));
    painter->drawRoundedRect(m_rect, kRadius, kRadius);
    if (m_style == Style::Present) {
        // A solid bar on the edge: the page has a frame behind it now.
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_accent);
        painter->drawRoundedRect(QRectF(m_rect.left(), m_rect.top(), 5.0, m_rect.height()), 2.0, 2.0);
    }
}

} // namespace ipclab
