#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

class QGraphicsSimpleTextItem;

namespace ipclab {

/// One box of the memory view: a virtual page of a process, a physical frame, or (when frame
/// numbers are hidden) a page of the shared object. Present boxes are filled in the owner's
/// colour; absent ones are drawn empty with a dashed outline, so demand paging shows as boxes
/// filling in. The two text lines are child items, so a test can read what the scene says.
/// GUI thread only; owned by the scene.
class PageItem : public QGraphicsItem {
public:
    enum class Style { Present, Absent, Frame, SharedFrame };

    PageItem(const QRectF& rect, QColor accent, Style style);

    void setTexts(const QString& title, const QString& detail);
    QString title() const;
    QString detail() const;
    Style style() const { return m_style; }
    QRectF rect() const { return m_rect; }
    /// Scene point where a line arriving from the left (`fromLeft`) or the right meets the box.
    QPointF anchor(bool fromLeft) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_rect;
    QColor m_accent;
    Style m_style;
    QGraphicsSimpleTextItem* m_title;
    QGraphicsSimpleTextItem* m_detail;
};

} // namespace ipclab
