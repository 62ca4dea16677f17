#pragma once

#include "gui/common/event_view.h"
#include "gui/common/process_names.h"

#include <span>
#include <vector>

namespace ipclab {

/// The one list of the views that draw a run's events, and the run's one ProcessNames. The live
/// run (MainWindow) and the replay (RunReplay) both feed the views through it, so each view is
/// registered in one place. GUI thread only; the views must outlive the list's use of them.
class RunViews {
public:
    /// Adds `view` to the list; views are fed in the order they were added.
    void add(EventView& view);
    /// Teaches the names `batch`, then hands it to every view in turn.
    void addEvents(std::span<const Event> batch);
    /// Forgets the run: the names and every view.
    void clear();

    const ProcessNames& names() const { return m_names; }
    std::size_t size() const { return m_views.size(); }

private:
    std::vector<EventView*> m_views;
    ProcessNames m_names;
};

} // namespace ipclab
