#pragma once

#include "events/event.h"
#include "gui/common/event_view.h"

#include <QWidget>
#include <map>

namespace ipclab {

class StageBanner;
class StageView;

/// The stage with its two banners above it: notices from the run (kernel observation
/// unavailable, a stop, a failure) and, in Step mode, which process is held at which call.
/// GUI thread only.
class StagePanel : public QWidget, public EventView {
    Q_OBJECT
public:
    explicit StagePanel(QWidget* parent = nullptr);

    /// Empties the stage and the banners for a new run.
    void clear() override;
    /// Draws `batch` and updates the banners from its notices and holds.
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override;
    /// The run is over: nothing is held any more.
    void runEnded();

    StageView* view() const { return m_view; }
    StageBanner* noticeBanner() const { return m_notices; }
    StageBanner* heldBanner() const { return m_held; }

private:
    void track(const Event& event);
    void addNotice(const Notice& notice);
    void refreshHeld(const ProcessNames& names);

    StageView* m_view;
    StageBanner* m_notices;
    StageBanner* m_held;
    QStringList m_noticeLines;
    Notice::Level m_worstLevel = Notice::Level::Info;
    std::map<int, SyscallRecord> m_heldCalls; ///< by pid: the call each held process waits to make
};

} // namespace ipclab
