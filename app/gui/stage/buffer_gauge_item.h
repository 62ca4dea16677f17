#pragma once

#include "events/event.h"

#include <QGraphicsItem>
#include <QString>
#include <cstdint>

namespace ipclab {

/// A kernel buffer's fill level as last sampled: "request pipe  4,096 / 65,536 B" over a bar.
/// A thin tick marks the highest level seen in the run. GUI thread only; a child of the
/// kernel's header.
class BufferGaugeItem : public QGraphicsItem {
public:
    BufferGaugeItem(const QString& channel, double width, QGraphicsItem* parent = nullptr);

    void setLevel(std::uint64_t used, std::uint64_t capacity, LevelUnit unit = LevelUnit::Bytes);
    std::uint64_t used() const { return m_used; }
    std::uint64_t capacity() const { return m_capacity; }
    QString channel() const { return m_channel; }
    /// The text shown beside the bar.
    QString levelText() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double fraction(std::uint64_t bytes) const;

    QString m_channel;
    double m_width;
    std::uint64_t m_used = 0;
    std::uint64_t m_capacity = 0;
    std::uint64_t m_peak = 0;
    LevelUnit m_unit = LevelUnit::Bytes;
};

} // namespace ipclab
