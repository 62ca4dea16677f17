#pragma once

#include <QColor>
#include <QGraphicsObject>
#include <QPointer>
#include <QString>
#include <QVariantAnimation>

namespace ipclab {

/// One copy the kernel made: a block labelled with the byte count that travels from the lane
/// the bytes left to the lane they reached, then stays there as a record. GUI thread only;
/// owned by the scene; its animation is its child and dies with it.
class CopyBlockItem : public QGraphicsObject {
    Q_OBJECT
public:
    CopyBlockItem(const QString& label, QColor colour, QGraphicsItem* parent = nullptr);

    /// Places the block at `from` and moves it to `to` over `durationMs`; 0 places it at once.
    void travel(QPointF from, QPointF to, int durationMs);
    bool isTravelling() const;
    QString label() const { return m_label; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_label;
    QColor m_colour;
    double m_width;
    QPointer<QVariantAnimation> m_animation; ///< null once the trip is over
};

} // namespace ipclab
