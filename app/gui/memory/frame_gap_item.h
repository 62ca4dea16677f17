#pragma once

#include <QGraphicsItem>
#include <cstdint>

class QGraphicsSimpleTextItem;

namespace ipclab {

/// A break in the physical-frames column: the two frames around it are not neighbours in RAM.
/// Drawn as a torn edge with the number of frames skipped. GUI thread only; owned by the scene.
class FrameGapItem : public QGraphicsItem {
public:
    FrameGapItem(const QRectF& rect, std::uint64_t skipped);

    std::uint64_t skipped() const { return m_skipped; }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_rect;
    std::uint64_t m_skipped;
    QGraphicsSimpleTextItem* m_label;
};

} // namespace ipclab
