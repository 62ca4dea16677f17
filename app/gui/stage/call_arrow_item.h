#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace ipclab {

/// One crossing between a process and the kernel: a horizontal arrow at one row, labelled with
/// the call ("write(fd 5, 4096 bytes)") on the way in or its result ("= 4096") on the way back.
/// Returns are dashed, as in a sequence diagram. GUI thread only; owned by the scene.
class CallArrowItem : public QGraphicsItem {
public:
    enum class Kind { Entry, Return };

    /// The arrow points from `fromX` to `toX` at height `y`.
    CallArrowItem(Kind kind, double fromX, double toX, double y, const QString& label, QColor colour);

    Kind kind() const { return m_kind; }
    QString label() const { return m_label; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Kind m_kind;
    double m_fromX;
    double m_toX;
    double m_y;
    QString m_label;
    QColor m_colour;
};

} // namespace ipclab
