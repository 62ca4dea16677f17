#include "gui/stage/stage_scene.h"

#include "gui/common/process_names.h"
#include "gui/common/text_format.h"
#include "gui/stage/buffer_gauge_item.h"
#include "gui/stage/call_arrow_item.h"
#include "gui/stage/copy_block_item.h"
#include "gui/stage/lane_header_item.h"
#include "gui/stage/lane_item.h"
#include "gui/stage/lane_marker_item.h"
#include "gui/stage/stage_palette.h"

#include <QGraphicsRectItem>
#include <algorithm>

namespace ipclab {

namespace {
constexpr double kGaugeInset = 18.0;
} // namespace

StageScene::StageScene(QObject* parent) : QGraphicsScene(parent) {
    setupKernelLane();
}

void StageScene::reset() {
    clear();
    m_lanes.clear();
    m_gauges.clear();
    m_phaseRows.clear();
    m_rows = 0;
    m_arrowCount = m_copyCount = m_markerCount = 0;
    setupKernelLane();
}

void StageScene::setupKernelLane() {
    const double left = m_geometry.laneLeft(0);
    const double width = m_geometry.laneWidth(0);
    m_kernelBody = new LaneItem(left, width, StagePalette::kernelLane(), StagePalette::kernelAccent());
    m_kernelHeader = new LaneHeaderItem(left, width, headerHeight(), StagePalette::kernelAccent());
    m_kernelHeader->setBackdropMargin(m_geometry.laneGap / 2.0 + 1.0);
    m_kernelHeader->setTexts(tr("Kernel"), tr("channels, buffers, system calls"));
    addItem(m_kernelBody);
    addItem(m_kernelHeader);
    updateExtent();
}

void StageScene::addEvents(std::span<const Event> batch, bool animate) {
    for (const Event& event : batch) {
        addEvent(event, animate);
    }
    updateExtent();
}

void StageScene::addEvent(const Event& event, bool animate) {
    std::visit(
        [&](const auto& payload) {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, ProcessStarted>) {
                onProcessStarted(payload);
            } else if constexpr (std::is_same_v<T, SyscallEntered>) {
                onSyscallEntered(payload.call);
            } else if constexpr (std::is_same_v<T, SyscallExited>) {
                onSyscallExited(payload.call, animate);
            } else if constexpr (std::is_same_v<T, PhaseChanged>) {
                onPhaseChanged(payload);
            } else if constexpr (std::is_same_v<T, BufferSample>) {
                onBufferSample(payload);
            } else if constexpr (std::is_same_v<T, ProcessExited>) {
                onProcessExited(payload);
            } else if constexpr (std::is_same_v<T, HeldAtEntry>) {
                setActivity(laneFor(payload.call.pid), tr("held at entry: %1").arg(fromStd(payload.call.callText())));
            }
            // Notices and the Step prompt are banners, shown by the stage panel above the view.
        },
        event.payload);
}

void StageScene::onProcessStarted(const ProcessStarted& started) {
    const auto found =
        std::find_if(m_lanes.begin(), m_lanes.end(), [&](const Lane& lane) { return lane.pid == started.pid; });
    if (found == m_lanes.end()) {
        addLane(started.pid, fromStd(started.name), fromStd(started.role));
    }
}

void StageScene::onSyscallEntered(const SyscallRecord& call) {
    Lane& lane = laneFor(call.pid);
    const int row = takeRow();
    lane.entryRow = row;
    setActivity(lane, tr("in the kernel: %1").arg(fromStd(call.callText())));
    const double from = m_geometry.laneCentreX(lane.slot);
    const double to = m_geometry.kernelContactX(lane.slot);
    addItem(new CallArrowItem(CallArrowItem::Kind::Entry, from, to, m_geometry.rowY(row), fromStd(call.callText()),
                              StagePalette::phaseColour(call.phase)));
    ++m_arrowCount;
}

void StageScene::onSyscallExited(const SyscallRecord& call, bool animate) {
    Lane& lane = laneFor(call.pid);
    if (call.movesData()) {
        addCopyBlock(lane, call, animate);
    }
    const int row = takeRow();
    if (lane.entryRow >= 0) {
        addActivation(lane, lane.entryRow, row);
    }
    lane.entryRow = -1;
    setActivity(lane, tr("back in user space after %1 %2").arg(fromStd(call.callText()), fromStd(call.resultText())));
    const double from = m_geometry.kernelContactX(lane.slot);
    const double to = m_geometry.laneCentreX(lane.slot);
    addItem(new CallArrowItem(CallArrowItem::Kind::Return, from, to, m_geometry.rowY(row), fromStd(call.resultText()),
                              StagePalette::phaseColour(call.phase)));
    ++m_arrowCount;
}

void StageScene::addCopyBlock(const Lane& lane, const SyscallRecord& call, bool animate) {
    const double y = m_geometry.rowY(takeRow());
    const QPointF user(m_geometry.laneCentreX(lane.slot), y);
    const QPointF kernel(m_geometry.kernelBufferX(lane.slot), y);
    const bool toKernel = call.direction == CopyDirection::UserToKernel;
    const QColor colour = toKernel ? StagePalette::copyUserToKernel() : StagePalette::copyKernelToUser();
    auto* block = new CopyBlockItem(formatBytes(call.copied), colour);
    addItem(block);
    block->travel(toKernel ? user : kernel, toKernel ? kernel : user, animate ? m_copyAnimationMs : 0);
    ++m_copyCount;
}

void StageScene::addActivation(const Lane& lane, int fromRow, int toRow) {
    // The bar on the lifeline is the time the process spent inside the kernel (blocked or not).
    constexpr double kWidth = 8.0;
    const double x = m_geometry.laneCentreX(lane.slot) - kWidth / 2.0;
    const double top = m_geometry.rowY(fromRow);
    auto* bar = new QGraphicsRectItem(x, top, kWidth, m_geometry.rowY(toRow) - top);
    QColor fill = StagePalette::processAccent(lane.ordinal);
    fill.setAlpha(90);
    bar->setBrush(fill);
    bar->setPen(Qt::NoPen);
    bar->setZValue(-6.0);
    addItem(bar);
}

void StageScene::onPhaseChanged(const PhaseChanged& change) {
    Lane& lane = laneFor(change.pid);
    lane.phase = change.phase;
    const int row = takeRow();
    m_phaseRows.emplace(change.phase, row);
    setActivity(lane, lane.header->activity());
    const double y = m_geometry.rowY(row);
    addItem(new LaneMarkerItem(m_geometry.laneLeft(lane.slot), m_geometry.laneWidth(lane.slot), y,
                               tr("%1 begins").arg(phaseText(change.phase)),
                               StagePalette::processAccent(lane.ordinal)));
    ++m_markerCount;
}

void StageScene::onBufferSample(const BufferSample& sample) {
    auto found = m_gauges.find(sample.channel);
    if (found == m_gauges.end()) {
        const double width = m_geometry.kernelLaneWidth - 2.0 * kGaugeInset;
        auto* gauge = new BufferGaugeItem(fromStd(sample.channel), width, m_kernelHeader);
        const auto index = static_cast<double>(m_gauges.size());
        gauge->setPos(m_geometry.laneLeft(0) + kGaugeInset, m_geometry.headerHeight + index * m_geometry.gaugeHeight);
        found = m_gauges.emplace(sample.channel, gauge).first;
        m_kernelHeader->setHeight(headerHeight());
        for (const Lane& lane : m_lanes) {
            lane.header->setHeight(headerHeight());
        }
    }
    found->second->setLevel(sample.used, sample.capacity, sample.unit);
}

void StageScene::onProcessExited(const ProcessExited& exited) {
    const Lane& lane = laneFor(exited.pid);
    const QString text =
        exited.signaled ? tr("killed by signal %1").arg(exited.signal) : tr("exited, status %1").arg(exited.exitCode);
    lane.header->setStatus(tr("ended"), text);
    const double y = m_geometry.rowY(takeRow());
    addItem(new LaneMarkerItem(m_geometry.laneLeft(lane.slot), m_geometry.laneWidth(lane.slot), y, text,
                               StagePalette::mutedText()));
    ++m_markerCount;
}

StageScene::Lane& StageScene::laneFor(int pid) {
    const auto found = std::find_if(m_lanes.begin(), m_lanes.end(), [&](const Lane& lane) { return lane.pid == pid; });
    if (found != m_lanes.end()) {
        return *found;
    }
    return addLane(pid, ProcessNames::unannounced(pid), tr("not announced"));
}

StageScene::Lane& StageScene::addLane(int pid, const QString& name, const QString& role) {
    Lane lane;
    lane.pid = pid;
    lane.name = name;
    lane.ordinal = static_cast<int>(m_lanes.size());
    lane.slot = StageGeometry::slotForProcess(lane.ordinal);
    const double left = m_geometry.laneLeft(lane.slot);
    const double width = m_geometry.laneWidth(lane.slot);
    const QColor accent = StagePalette::processAccent(lane.ordinal);
    lane.body = new LaneItem(left, width, StagePalette::processLane(lane.ordinal), accent);
    lane.header = new LaneHeaderItem(left, width, headerHeight(), accent);
    lane.header->setTexts(name, tr("%1 · pid %2").arg(role).arg(pid));
    lane.header->setBackdropMargin(m_geometry.laneGap / 2.0 + 1.0);
    setActivity(lane, tr("in user space"));
    addItem(lane.body);
    addItem(lane.header);
    m_lanes.push_back(lane);
    updateExtent();
    emit lanesChanged();
    return m_lanes.back();
}

double StageScene::headerHeight() const {
    return m_geometry.kernelHeaderHeight(std::max(m_geometry.reservedGauges, static_cast<int>(m_gauges.size())));
}

void StageScene::setActivity(const Lane& lane, const QString& activity) {
    lane.header->setStatus(tr("phase: %1").arg(phaseText(lane.phase)), activity);
}

std::optional<double> StageScene::phaseStartY(Phase phase) const {
    const auto found = m_phaseRows.find(phase);
    if (found == m_phaseRows.end()) {
        return std::nullopt;
    }
    return m_geometry.rowY(found->second);
}

void StageScene::updateExtent() {
    const double bottom = m_geometry.bodyBottom(m_rows);
    m_kernelBody->setBottom(bottom);
    for (const Lane& lane : m_lanes) {
        lane.body->setBottom(bottom);
    }
    const int processes = static_cast<int>(m_lanes.size());
    const double left = m_geometry.sceneLeft(processes);
    const double right = m_geometry.sceneRight(processes);
    setSceneRect(left, 0.0, right - left, bottom + m_geometry.margin);
}

void StageScene::pinHeaders(double top) {
    m_kernelHeader->setY(top);
    for (const Lane& lane : m_lanes) {
        lane.header->setY(top);
    }
}

QStringList StageScene::laneNames() const {
    QStringList names;
    for (const Lane& lane : m_lanes) {
        names << lane.name;
    }
    return names;
}

std::vector<int> StageScene::lanePids() const {
    std::vector<int> pids;
    for (const Lane& lane : m_lanes) {
        pids.push_back(lane.pid);
    }
    return pids;
}

const BufferGaugeItem* StageScene::gauge(const QString& channel) const {
    const auto found = m_gauges.find(channel.toStdString());
    return found != m_gauges.end() ? found->second : nullptr;
}

} // namespace ipclab
