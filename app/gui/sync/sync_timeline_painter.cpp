#include "gui/sync/sync_timeline_painter.h"

#include "gui/common/text_format.h"
#include "gui/stage/stage_palette.h"
#include "gui/sync/sync_timeline_palette.h"

#include <QFontMetricsF>
#include <QObject>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <array>
#include <cmath>

namespace ipclab {

namespace {
constexpr double kMinBarWidth = 1.0;
constexpr double kMarkSize = 4.5;
constexpr double kTextGap = 6.0;

/// "15 ms", "1.5 s", "250 µs": in the largest unit not above `ns`, with as many decimals as the
/// axis step needs, so neighbouring labels differ and none carries noise digits.
QString axisText(std::int64_t ns, std::int64_t step) {
    struct Unit {
        double ns;
        const char* name;
    };
    static constexpr std::array<Unit, 4> kUnits{{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1.0, "ns"}}};
    const double value = static_cast<double>(ns);
    const Unit unit = *std::find_if(kUnits.begin(), kUnits.end() - 1, [&](const Unit& u) { return value >= u.ns; });
    const int decimals = std::max(
        0,
        static_cast<int>(std::ceil(std::log10(unit.ns / static_cast<double>(std::max<std::int64_t>(step, 1))) - 1e-9)));
    return QStringLiteral("%1 %2").arg(value / unit.ns, 0, 'f', decimals).arg(QString::fromUtf8(unit.name));
}

QString markText(const SyncMark& mark) {
    switch (mark.kind) {
    case SyncMark::Kind::P:
        return QStringLiteral("P→%1").arg(mark.value);
    case SyncMark::Kind::V:
        return QStringLiteral("V→%1").arg(mark.value);
    case SyncMark::Kind::Signalled: {
        const QString object = fromStd(mark.object);
        return object.startsWith(QLatin1String("queue: ")) ? QStringLiteral("“%1”").arg(object.mid(7))
                                                           : QObject::tr("signal");
    }
    case SyncMark::Kind::OwnerDied:
        return QObject::tr("owner died");
    case SyncMark::Kind::Recovered:
        return QObject::tr("repaired");
    case SyncMark::Kind::Killed:
        return QObject::tr("killed (signal %1)").arg(mark.value);
    }
    return {};
}

bool isAlarm(SyncMark::Kind kind) {
    return kind == SyncMark::Kind::OwnerDied || kind == SyncMark::Kind::Killed;
}

QColor markColour(SyncMark::Kind kind) {
    switch (kind) {
    case SyncMark::Kind::Signalled:
        return SyncTimelinePalette::signal();
    case SyncMark::Kind::OwnerDied:
    case SyncMark::Kind::Killed:
        return SyncTimelinePalette::alarm();
    case SyncMark::Kind::Recovered:
        return SyncTimelinePalette::recovered();
    default:
        return SyncTimelinePalette::semaphoreStep();
    }
}
} // namespace

SyncTimelinePainter::SyncTimelinePainter(QPainter& painter, const SyncTimelineGeometry& geometry,
                                         const SyncTimelineData& data, const QRectF& clip)
    : m_painter(painter), m_geometry(geometry), m_data(data), m_clip(clip) {}

QRectF SyncTimelinePainter::spanRect(const SyncTimelineGeometry& geometry, const SyncTimelineData& data, int lane,
                                     const SyncSpan& span, bool holding) {
    const double left = geometry.xForTime(span.startNs);
    const double width = std::max(geometry.xForTime(data.endOf(span)) - left, kMinBarWidth);
    return holding ? QRectF(left, geometry.holdTop(lane), width, geometry.holdHeight())
                   : QRectF(left, geometry.blockedTop(lane), width, geometry.blockedHeight());
}

void SyncTimelinePainter::paint() {
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    paintLanes();
    paintAxis();
    for (int lane = 0; lane < static_cast<int>(m_data.lanes().size()); ++lane) {
        const SyncLane& steps = m_data.lanes()[static_cast<std::size_t>(lane)];
        paintSpans(lane, steps.blocked, false);
        paintSpans(lane, steps.holds, true);
        paintTicks(lane);
    }
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    paintFlows();
    for (int lane = 0; lane < static_cast<int>(m_data.lanes().size()); ++lane) {
        paintMarks(lane);
    }
}

void SyncTimelinePainter::paintLanes() {
    const double right = m_clip.right();
    for (int lane = 0; lane < static_cast<int>(m_data.lanes().size()); ++lane) {
        const QRectF band(m_geometry.labelWidth, m_geometry.laneTop(lane), right - m_geometry.labelWidth,
                          m_geometry.laneHeight);
        m_painter.fillRect(band.intersected(m_clip), StagePalette::processLane(lane));
    }
}

void SyncTimelinePainter::paintAxis() {
    m_painter.setFont(StagePalette::smallFont());
    const std::int64_t step = m_geometry.tickStepNs(90.0);
    const std::int64_t first = m_geometry.timeForX(std::max(m_clip.left(), m_geometry.labelWidth));
    const std::int64_t last = m_geometry.timeForX(m_clip.right());
    const double bottom = m_geometry.sceneHeight(static_cast<int>(m_data.lanes().size()));
    // Gridlines at round times since the run began, so times read the same as in the event log.
    for (std::int64_t t = (first / step + 1) * step; t <= last; t += step) {
        const double x = m_geometry.xForTime(t);
        m_painter.setPen(SyncTimelinePalette::grid());
        m_painter.drawLine(QPointF(x, m_geometry.axisHeight - 4.0), QPointF(x, bottom));
        m_painter.setPen(StagePalette::mutedText());
        m_painter.drawText(QRectF(x - 60.0, 2.0, 120.0, m_geometry.axisHeight - 6.0), Qt::AlignCenter,
                           axisText(t, step));
    }
}

void SyncTimelinePainter::paintSpans(int lane, const std::vector<SyncSpan>& spans, bool holding) {
    const QColor fill = holding ? SyncTimelinePalette::holding() : SyncTimelinePalette::blocked();
    const auto flush = [&](const QRectF& bar) {
        if (!bar.isEmpty() && bar.intersects(m_clip)) {
            m_painter.fillRect(bar, fill);
            if (!holding) {
                m_painter.fillRect(bar, QBrush(SyncTimelinePalette::blockedHatch(), Qt::BDiagPattern));
            }
        }
    };
    QRectF merged;
    for (const SyncSpan& span : spans) {
        const QRectF bar = spanRect(m_geometry, m_data, lane, span, holding);
        if (!merged.isEmpty() && bar.left() <= merged.right() + 1.0) {
            merged.setRight(std::max(merged.right(), bar.right()));
            continue;
        }
        flush(merged);
        merged = bar;
    }
    flush(merged);
}

void SyncTimelinePainter::paintTicks(int lane) {
    m_painter.setPen(QPen(SyncTimelinePalette::kernelTick(), 1.5));
    const double bottom = m_geometry.laneBottom(lane) - 2.0;
    double lastX = -1.0e9;
    for (const KernelTick& tick : m_data.lanes()[static_cast<std::size_t>(lane)].ticks) {
        const double x = std::round(m_geometry.xForTime(tick.timeNs));
        if (x - lastX < 2.0 || x < m_clip.left() - 2.0 || x > m_clip.right() + 2.0) {
            continue;
        }
        m_painter.drawLine(QPointF(x, bottom), QPointF(x, bottom - m_geometry.tickHeight()));
        lastX = x;
    }
}

void SyncTimelinePainter::paintMarks(int lane) {
    m_painter.setFont(StagePalette::smallFont());
    const QFontMetricsF metrics(m_painter.font());
    const double y = m_geometry.laneTop(lane) + m_geometry.laneHeight * 0.11;
    const auto& marks = m_data.lanes()[static_cast<std::size_t>(lane)].marks;
    double lastShapeX = -1.0e9;
    double textRight = -1.0e9;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const SyncMark& mark = marks[i];
        const double x = m_geometry.xForTime(mark.timeNs);
        if (x < m_clip.left() - 200.0 || x > m_clip.right() + kMarkSize) {
            continue;
        }
        // Alarms always show; routine steps closer than a pixel would only overdraw each other.
        if (!isAlarm(mark.kind) && x - lastShapeX < 1.0) {
            continue;
        }
        paintMark(mark, x, y);
        lastShapeX = x;
        const double nextX = i + 1 < marks.size() ? m_geometry.xForTime(marks[i + 1].timeNs) - kMarkSize : 1.0e12;
        textRight = paintMarkLabel(mark, QPointF(x, y + metrics.ascent() / 2.0 - 1.0), nextX, textRight);
    }
}

double SyncTimelinePainter::paintMarkLabel(const SyncMark& mark, QPointF at, double nextX, double textRight) {
    // Right of the marker when it ends before the next one; an alarm with no room there goes to
    // the left instead, so it is never lost under a neighbour; a routine label just waits.
    const QString text = markText(mark);
    const double width = QFontMetricsF(m_painter.font()).horizontalAdvance(text);
    const bool alarm = isAlarm(mark.kind);
    double left = at.x() + kMarkSize + 2.0;
    if (left + width + kTextGap > nextX) {
        if (!alarm) {
            return textRight;
        }
        left = at.x() - kMarkSize - 2.0 - width;
    }
    if (!alarm && left < textRight + kTextGap) {
        return textRight;
    }
    m_painter.setPen(markColour(mark.kind).darker(120));
    m_painter.drawText(QPointF(left, at.y()), text);
    return std::max(textRight, left + width);
}

void SyncTimelinePainter::paintMark(const SyncMark& mark, double x, double y) {
    const QColor colour = markColour(mark.kind);
    m_painter.setPen(QPen(colour.darker(130), 1.0));
    m_painter.setBrush(colour);
    const double s = kMarkSize;
    switch (mark.kind) {
    case SyncMark::Kind::P: // down: the value goes down
        m_painter.drawPolygon(QPolygonF({QPointF(x - s, y - s), QPointF(x + s, y - s), QPointF(x, y + s)}));
        break;
    case SyncMark::Kind::V:
        m_painter.drawPolygon(QPolygonF({QPointF(x - s, y + s), QPointF(x + s, y + s), QPointF(x, y - s)}));
        break;
    case SyncMark::Kind::Signalled:
        m_painter.drawPolygon(QPolygonF({QPointF(x, y - s), QPointF(x + s, y), QPointF(x, y + s), QPointF(x - s, y)}));
        break;
    case SyncMark::Kind::Killed:
        m_painter.setPen(QPen(colour, 2.5));
        m_painter.drawLine(QPointF(x - s, y - s), QPointF(x + s, y + s));
        m_painter.drawLine(QPointF(x - s, y + s), QPointF(x + s, y - s));
        break;
    case SyncMark::Kind::OwnerDied:
    case SyncMark::Kind::Recovered:
        m_painter.drawEllipse(QPointF(x, y), s + 1.0, s + 1.0);
        break;
    }
    m_painter.setBrush(Qt::NoBrush);
}

void SyncTimelinePainter::paintFlows() {
    m_painter.setPen(QPen(SyncTimelinePalette::signal(), 1.6));
    m_painter.setBrush(SyncTimelinePalette::signal());
    for (const SyncFlow& flow : m_data.flows()) {
        const QPointF from(m_geometry.xForTime(flow.fromNs), m_geometry.laneCentre(flow.fromLane));
        const QPointF to(m_geometry.xForTime(flow.toNs), m_geometry.laneCentre(flow.toLane));
        if (!QRectF(from, to).normalized().adjusted(-8, -8, 8, 8).intersects(m_clip)) {
            continue;
        }
        m_painter.drawLine(from, to);
        const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
        const auto wing = [&](double turn) {
            return to - QPointF(std::cos(angle + turn) * 9.0, std::sin(angle + turn) * 9.0);
        };
        m_painter.drawPolygon(QPolygonF({to, wing(0.45), wing(-0.45)}));
    }
    m_painter.setBrush(Qt::NoBrush);
}

} // namespace ipclab
