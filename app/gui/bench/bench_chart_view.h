#pragma once

#include "gui/bench/bench_chart_data.h"

#include <QChartView>
#include <QHash>
#include <QList>
#include <QStringList>
#include <vector>

class QGraphicsSimpleTextItem;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

namespace ipclab {

/// The "it depends" chart: median time against message size on log-log axes, one line with
/// points per mechanism, the crossings between message passing and shared memory marked with a
/// star and labelled in words. Cells without figures (a kernel limit) are never points: the
/// line's legend entry and tooltip say so. GUI thread only.
class BenchChartView : public QChartView {
    Q_OBJECT
public:
    explicit BenchChartView(QWidget* parent = nullptr);

    /// Replaces what is drawn with `chartData`, all series at once. `hybridThreshold` names the
    /// hybrid's switch-over size in its legend entry.
    void setData(const ChartData& chartData, std::uint64_t hybridThreshold);
    const ChartData& data() const { return m_data; }

    QLogValueAxis* sizeAxis() const { return m_sizeAxis; }
    QLogValueAxis* timeAxis() const { return m_timeAxis; }
    /// One per mechanism drawn, in the legend's order.
    const QList<QLineSeries*>& lines() const { return m_lines; }
    /// The crossing markers (x in bytes, y in µs); null when there are none.
    QScatterSeries* crossingMarkers() const { return m_markers; }
    /// The words beside each marker, in the markers' order.
    QStringList crossingLabels() const;
    /// The tooltip for `line`'s point nearest `size`: median, spread, samples, CPUs.
    QString pointText(const QLineSeries* line, double size) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void setupAxes();
    void addLine(const ChartLine& line, std::uint64_t hybridThreshold);
    void addCrossings();
    void fitAxes();
    void clearOverlays();
    void placeOverlays();
    QPointF toScene(double size, double timeUs) const;

    ChartData m_data;
    QLogValueAxis* m_sizeAxis;
    QLogValueAxis* m_timeAxis;
    QList<QLineSeries*> m_lines;
    QHash<const QLineSeries*, std::size_t> m_lineIndex; ///< series -> m_data.lines index
    QScatterSeries* m_markers = nullptr;
    std::vector<QGraphicsSimpleTextItem*> m_sizeLabels;
    std::vector<std::pair<QGraphicsSimpleTextItem*, QPointF>> m_crossingLabels; ///< label, (bytes, µs)
};

} // namespace ipclab
