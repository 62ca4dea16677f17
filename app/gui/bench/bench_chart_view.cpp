#include "gui/bench/bench_chart_view.h"

#include <QChart>
#include <QCursor>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <map>

namespace ipclab {

namespace {

constexpr double kSizeBase = 4.0;   ///< a size gridline every fourth power of two
constexpr double kNsPerUs = 1000.0; ///< the chart's time axis is in microseconds

QColor colourOf(const std::string& mechanism) {
    // Message passing in cool colours, shared memory in warm ones, the hybrid between them.
    static const std::map<std::string, QColor> colours{
        {"pipe", QColor(0x1f, 0x77, 0xb4)},        {"fifo", QColor(0x17, 0xbe, 0xcf)},
        {"posix-mq", QColor(0x2c, 0xa0, 0x2c)},    {"sysv-mq", QColor(0x8c, 0x56, 0x4b)},
        {"unix-socket", QColor(0x7f, 0x7f, 0x7f)}, {"tcp", QColor(0xbc, 0xbd, 0x22)},
        {"sysv-shm", QColor(0xd6, 0x27, 0x28)},    {"posix-shm", QColor(0xff, 0x7f, 0x0e)},
        {"mmap-file", QColor(0xe3, 0x77, 0xc2)},   {"hybrid", QColor(0x94, 0x67, 0xbd)}};
    const auto it = colours.find(mechanism);
    return it != colours.end() ? it->second : QColor(Qt::black);
}

QString timeAxisTitle(bench::BenchMode mode) {
    switch (mode) {
    case bench::BenchMode::RoundTrip:
        return QObject::tr("round trip: median µs (log scale)");
    case bench::BenchMode::Throughput:
        return QObject::tr("one message, one way: median µs (log scale)");
    case bench::BenchMode::SetupTeardown:
        return QObject::tr("setup + teardown: median µs (log scale)");
    case bench::BenchMode::OneTime:
        return QObject::tr("setup + transfer + teardown: median µs (log scale)");
    }
    return {};
}

QString sizeLabel(double bytes) {
    return QString::fromStdString(bench::sizeText(bytes));
}

/// The powers of `base` just below `low` and just above `high`.
std::pair<double, double> decadeRange(double low, double high, double base) {
    const double first = std::pow(base, std::floor(std::log(low) / std::log(base) + 1e-9));
    const double last = std::pow(base, std::ceil(std::log(high) / std::log(base) - 1e-9));
    return {first, last > first ? last : first * base};
}

} // namespace

BenchChartView::BenchChartView(QWidget* parent)
    : QChartView(new QChart, parent), m_sizeAxis(new QLogValueAxis), m_timeAxis(new QLogValueAxis) {
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(8, 8, 8, 8));
    setupAxes();
    connect(chart(), &QChart::plotAreaChanged, this, [this] { placeOverlays(); });
    setData(ChartData{}, 0);
}

void BenchChartView::setupAxes() {
    m_sizeAxis->setBase(kSizeBase);
    m_sizeAxis->setTitleText(tr("message size (log scale)"));
    // The axis's own labels would read 67108864; they keep their room but are drawn as
    // "64 MiB" by placeOverlays().
    m_sizeAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_sizeAxis->setLabelsBrush(QBrush(Qt::transparent));
    m_sizeAxis->setMinorTickCount(1);
    m_timeAxis->setBase(10.0);
    m_timeAxis->setLabelFormat(QStringLiteral("%.10g")); // 1000000, not 1e+06
    m_timeAxis->setMinorTickCount(8);
    chart()->addAxis(m_sizeAxis, Qt::AlignBottom);
    chart()->addAxis(m_timeAxis, Qt::AlignLeft);
}

void BenchChartView::setData(const ChartData& chartData, std::uint64_t hybridThreshold) {
    m_data = chartData;
    clearOverlays();
    chart()->removeAllSeries();
    m_lines.clear();
    m_lineIndex.clear();
    m_markers = nullptr;
    for (const ChartLine& line : m_data.lines) {
        addLine(line, hybridThreshold);
    }
    addCrossings();
    m_timeAxis->setTitleText(timeAxisTitle(m_data.mode));
    const QString cpus =
        m_data.cpus.empty() ? QString() : QStringLiteral(": %1").arg(QString::fromStdString(m_data.cpus));
    chart()->setTitle(tr("Median of repeated untraced runs — CPU placement %1%2")
                          .arg(QString::fromStdString(placementWords(m_data.placement)), cpus));
    fitAxes();
    placeOverlays();
}

void BenchChartView::addLine(const ChartLine& line, std::uint64_t hybridThreshold) {
    auto* series = new QLineSeries(chart());
    QString name = QString::fromStdString(line.mechanism);
    if (line.mechanism == "hybrid" && hybridThreshold > 0) {
        name += tr(" (memfd from %1)").arg(sizeLabel(static_cast<double>(hybridThreshold)));
    }
    if (!line.capped.empty()) {
        name += tr(" — no figure from %1: kernel limit").arg(sizeLabel(static_cast<double>(line.capped.front().size)));
    }
    series->setName(name);
    QList<QPointF> points;
    for (const bench::BenchCell& cell : line.points) {
        points.append(QPointF(static_cast<double>(cell.size), cell.medianNs / kNsPerUs));
    }
    series->replace(points); // one batch: the chart lays out once
    series->setPointsVisible(true);
    QPen pen(colourOf(line.mechanism));
    pen.setWidthF(bench::isSharedMemory(line.mechanism) ? 3.0 : 2.0);
    if (line.mechanism == "hybrid") {
        pen.setStyle(Qt::DashLine);
    }
    series->setPen(pen);
    chart()->addSeries(series);
    series->attachAxis(m_sizeAxis);
    series->attachAxis(m_timeAxis);
    m_lineIndex.insert(series, static_cast<std::size_t>(m_lines.size()));
    m_lines.append(series);
    connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& point, bool entered) {
        if (entered) {
            QToolTip::showText(QCursor::pos(), pointText(series, point.x()), this);
        } else {
            QToolTip::hideText();
        }
    });
}

void BenchChartView::addCrossings() {
    if (m_data.crossings.empty()) {
        return;
    }
    m_markers = new QScatterSeries(chart());
    m_markers->setName(tr("where the cheaper side changes"));
    m_markers->setMarkerShape(QScatterSeries::MarkerShapeStar);
    m_markers->setMarkerSize(22.0);
    m_markers->setColor(QColor(0x22, 0x22, 0x22));
    m_markers->setBorderColor(Qt::white);
    QFont font = chart()->font();
    font.setBold(true);
    for (const ChartCrossing& crossing : m_data.crossings) {
        const QPointF at(crossing.crossover.size, crossing.timeNs / kNsPerUs);
        m_markers->append(at);
        auto* label = new QGraphicsSimpleTextItem(chart());
        label->setText(
            tr("%1 wins above ~%2")
                .arg(QString::fromStdString(crossing.crossover.cheaper), sizeLabel(crossing.crossover.size)));
        label->setFont(font);
        label->setBrush(QColor(0x22, 0x22, 0x22));
        label->setZValue(20);
        m_crossingLabels.emplace_back(label, at);
    }
    chart()->addSeries(m_markers);
    m_markers->attachAxis(m_sizeAxis);
    m_markers->attachAxis(m_timeAxis);
}

void BenchChartView::fitAxes() {
    double minSize = 64;
    double maxSize = 64.0 * 1024 * 1024;
    double minUs = 0.1;
    double maxUs = 100000;
    if (m_data.hasPoints()) {
        minSize = minUs = 1e300;
        maxSize = maxUs = 0;
        for (const ChartLine& line : m_data.lines) {
            for (const bench::BenchCell& cell : line.points) {
                minSize = std::min(minSize, static_cast<double>(cell.size));
                maxSize = std::max(maxSize, static_cast<double>(cell.size));
                minUs = std::min(minUs, cell.medianNs / kNsPerUs);
                maxUs = std::max(maxUs, cell.medianNs / kNsPerUs);
            }
        }
    }
    const auto [sizeLow, sizeHigh] = decadeRange(minSize, maxSize, kSizeBase);
    const auto [timeLow, timeHigh] = decadeRange(minUs, maxUs, 10.0);
    m_sizeAxis->setRange(sizeLow, sizeHigh);
    m_timeAxis->setRange(timeLow, timeHigh);
    for (double size = sizeLow; size <= sizeHigh * 1.0001; size *= kSizeBase) {
        auto* label = new QGraphicsSimpleTextItem(sizeLabel(size), chart());
        label->setData(0, size);
        label->setFont(m_sizeAxis->labelsFont());
        m_sizeLabels.push_back(label);
    }
}

void BenchChartView::clearOverlays() {
    for (QGraphicsSimpleTextItem* label : m_sizeLabels) {
        delete label;
    }
    m_sizeLabels.clear();
    for (auto& [label, at] : m_crossingLabels) {
        delete label;
    }
    m_crossingLabels.clear();
}

QPointF BenchChartView::toScene(double size, double timeUs) const {
    const QRectF area = chart()->plotArea();
    const auto fraction = [](double value, double low, double high) {
        return (std::log(value) - std::log(low)) / (std::log(high) - std::log(low));
    };
    return {area.left() + area.width() * fraction(size, m_sizeAxis->min(), m_sizeAxis->max()),
            area.bottom() - area.height() * fraction(timeUs, m_timeAxis->min(), m_timeAxis->max())};
}

void BenchChartView::placeOverlays() {
    const QRectF area = chart()->plotArea();
    for (QGraphicsSimpleTextItem* label : m_sizeLabels) {
        const QPointF at = toScene(label->data(0).toDouble(), m_timeAxis->min());
        label->setPos(at.x() - label->boundingRect().width() / 2, area.bottom() + 6);
    }
    std::vector<QRectF> taken;
    for (auto& [label, at] : m_crossingLabels) {
        const QPointF point = toScene(at.x(), at.y());
        const QRectF box = label->boundingRect();
        // Up and to the left of the star, kept inside the plot area; crossings close together
        // stack their labels upwards instead of writing over each other.
        const double x = std::clamp(point.x() - box.width() - 14, area.left() + 4, area.right() - box.width() - 4);
        double y = point.y() - box.height() - 14;
        const auto overlaps = [&](double top) {
            const QRectF here(x, top, box.width(), box.height());
            return std::any_of(taken.begin(), taken.end(), [&](const QRectF& other) { return other.intersects(here); });
        };
        while (overlaps(y) && y > area.top()) {
            y -= box.height() + 2;
        }
        y = std::clamp(y, area.top() + 4, area.bottom() - box.height() - 4);
        label->setPos(x, y);
        taken.emplace_back(x, y, box.width(), box.height());
    }
}

void BenchChartView::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeOverlays();
}

QStringList BenchChartView::crossingLabels() const {
    QStringList labels;
    for (const auto& [label, at] : m_crossingLabels) {
        labels.append(label->text());
    }
    return labels;
}

QString BenchChartView::pointText(const QLineSeries* line, double size) const {
    const auto it = m_lineIndex.find(line);
    if (it == m_lineIndex.end() || m_data.lines[*it].points.empty()) {
        return {};
    }
    const ChartLine& chartLine = m_data.lines[*it];
    const auto nearest =
        std::min_element(chartLine.points.begin(), chartLine.points.end(), [size](const auto& a, const auto& b) {
            return std::fabs(std::log(static_cast<double>(a.size) / size)) <
                   std::fabs(std::log(static_cast<double>(b.size) / size));
        });
    const bench::BenchCell& cell = *nearest;
    QString text = tr("%1, %2: median %3 µs (10th–90th percentile %4–%5 µs, %6 samples; %7)")
                       .arg(QString::fromStdString(cell.mechanism), sizeLabel(static_cast<double>(cell.size)))
                       .arg(cell.medianNs / kNsPerUs, 0, 'g', 4)
                       .arg(cell.p10Ns / kNsPerUs, 0, 'g', 3)
                       .arg(cell.p90Ns / kNsPerUs, 0, 'g', 3)
                       .arg(cell.samples)
                       .arg(QString::fromStdString(cell.cpus));
    const std::string capped = cappedSentence(chartLine);
    if (!capped.empty()) {
        text += QStringLiteral("\n") + QString::fromStdString(capped);
    }
    return text;
}

} // namespace ipclab
