#pragma once

#include "events/event.h"
#include "gui/stage/stage_geometry.h"

#include <QGraphicsScene>
#include <QStringList>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ipclab {

class BufferGaugeItem;
class LaneHeaderItem;
class LaneItem;

/// The stage's content, built from a run's events and nothing else: one lane per process with
/// the kernel in the middle, entries and returns as arrows, copies as travelling blocks, phase
/// and exit marks, buffer gauges in the kernel's header. Items are created as events arrive;
/// every event that draws takes the next row. GUI thread only.
class StageScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit StageScene(QObject* parent = nullptr);

    /// Forgets everything drawn; only the kernel lane remains.
    void reset();
    /// Draws `batch` in order; copy blocks travel only when `animate` is set.
    void addEvents(std::span<const Event> batch, bool animate);
    /// How long a copy block travels; 0 places blocks at once.
    void setCopyAnimationMs(int ms) { m_copyAnimationMs = ms; }
    int copyAnimationMs() const { return m_copyAnimationMs; }
    /// Keeps the lane headers at scene height `top` (the top of the view), above the rows.
    void pinHeaders(double top);

    const StageGeometry& geometry() const { return m_geometry; }
    double headerHeight() const;
    /// Scene y of the row where `phase` was first announced, if it was.
    std::optional<double> phaseStartY(Phase phase) const;

    QStringList laneNames() const;
    std::vector<int> lanePids() const;
    int arrowCount() const { return m_arrowCount; }
    int copyBlockCount() const { return m_copyCount; }
    int markerCount() const { return m_markerCount; }
    int rowCount() const { return m_rows; }
    const BufferGaugeItem* gauge(const QString& channel) const;
    int gaugeCount() const { return static_cast<int>(m_gauges.size()); }

signals:
    /// A lane was added: the view refits its width.
    void lanesChanged();

private:
    struct Lane {
        int pid = 0;
        QString name;
        int ordinal = 0;
        int slot = 0;
        LaneItem* body = nullptr;
        LaneHeaderItem* header = nullptr;
        int entryRow = -1; ///< row of the call this process is inside, or -1
        Phase phase = Phase::Startup;
    };

    void setupKernelLane();
    void addEvent(const Event& event, bool animate);
    void onProcessStarted(const ProcessStarted& started);
    void onSyscallEntered(const SyscallRecord& call);
    void onSyscallExited(const SyscallRecord& call, bool animate);
    void onPhaseChanged(const PhaseChanged& change);
    void onBufferSample(const BufferSample& sample);
    void onProcessExited(const ProcessExited& exited);
    void addCopyBlock(const Lane& lane, const SyscallRecord& call, bool animate);
    void addActivation(const Lane& lane, int fromRow, int toRow);
    Lane& laneFor(int pid);
    Lane& addLane(int pid, const QString& name, const QString& role);
    int takeRow() { return m_rows++; }
    void setActivity(const Lane& lane, const QString& activity);
    void updateExtent();

    StageGeometry m_geometry;
    LaneItem* m_kernelBody = nullptr;
    LaneHeaderItem* m_kernelHeader = nullptr;
    std::vector<Lane> m_lanes;
    std::map<std::string, BufferGaugeItem*> m_gauges;
    std::map<Phase, int> m_phaseRows; ///< first row at which each phase was announced
    int m_rows = 0;
    int m_arrowCount = 0;
    int m_copyCount = 0;
    int m_markerCount = 0;
    int m_copyAnimationMs = 400;
};

} // namespace ipclab
