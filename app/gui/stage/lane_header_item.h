#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace ipclab {

/// A lane's title box ("P1", "client · pid 4242"). The stage keeps headers pinned to the top of
/// the view while the rows scroll beneath; the kernel's header also carries the buffer gauges
/// as children. GUI thread only; owned by the scene.
class LaneHeaderItem : public QGraphicsItem {
public:
    LaneHeaderItem(double left, double width, double height, QColor accent);

    void setTexts(const QString& title, const QString& subtitle);
    /// Two short lines under the title box: what the process is doing now, as last observed.
    void setStatus(const QString& phase, const QString& activity);
    QString activity() const { return m_activity; }
    void setHeight(double height);
    /// How far the opaque backdrop reaches past the lane on each side (half the lane gap), so
    /// rows scrolling beneath never show between the pinned headers.
    void setBackdropMargin(double margin);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_left;
    double m_width;
    double m_height;
    QColor m_accent;
    QString m_title;
    QString m_subtitle;
    QString m_phase;
    QString m_activity;
    double m_backdropMargin = 0.0;
};

} // namespace ipclab
