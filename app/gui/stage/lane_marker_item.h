#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace ipclab {

/// A mark across one process lane at one row: where a phase begins ("transfer") or where the
/// process ended ("exited, status 0"). GUI thread only; owned by the scene.
class LaneMarkerItem : public QGraphicsItem {
public:
    LaneMarkerItem(double left, double width, double y, const QString& text, QColor colour);

    QString text() const { return m_text; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_left;
    double m_width;
    double m_y;
    QString m_text;
    QColor m_colour;
};

} // namespace ipclab
