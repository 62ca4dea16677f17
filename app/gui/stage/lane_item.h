#pragma once

#include <QColor>
#include <QGraphicsItem>

namespace ipclab {

/// The body of one lane: a tinted column with a dashed lifeline down its middle. It grows as
/// rows are added. GUI thread only; owned by the scene.
class LaneItem : public QGraphicsItem {
public:
    LaneItem(double left, double width, QColor fill, QColor accent);

    void setBottom(double bottom);
    double centreX() const { return m_left + m_width / 2.0; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_left;
    double m_width;
    double m_bottom = 0.0;
    QColor m_fill;
    QColor m_accent;
};

} // namespace ipclab
