#include "gui/memory/page_link_item.h"

#include "gui/memory/page_item.h"
#include "gui/stage/stage_palette.h"

#include <QPainterPath>
#include <QPen>

namespace ipclab {

PageLinkItem::PageLinkItem(PageItem* page, PageItem* frame, int pid, int pageIndex, QColor colour, bool inferred)
    : m_page(page), m_frame(frame), m_pid(pid), m_pageIndex(pageIndex) {
    const bool pageOnLeft = page->rect().center().x() + page->pos().x() < frame->rect().center().x() + frame->pos().x();
    const QPointF from = page->anchor(!pageOnLeft);
    const QPointF to = frame->anchor(pageOnLeft);
    // A flat S-curve: lines that leave and arrive horizontally stay readable where they cross.
    const double bend = (to.x() - from.x()) * 0.5;
    QPainterPath path(from);
    path.cubicTo(from + QPointF(bend, 0.0), to - QPointF(bend, 0.0), to);
    setPath(path);
    QPen pen(colour, StagePalette::lineWidth(2.2));
    pen.setCapStyle(Qt::RoundCap);
    if (inferred) {
        pen.setStyle(Qt::DashLine);
    }
    setPen(pen);
    setZValue(-1.0); // under the boxes, so the ends tuck neatly behind their edges
}

} // namespace ipclab
