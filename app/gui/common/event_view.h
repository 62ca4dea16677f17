#pragma once

#include "events/event.h"

#include <span>

namespace ipclab {

class ProcessNames;

/// A view that draws a run from its events: the stage, the memory view, the sync timeline, the
/// event log, the counters. RunViews feeds every registered view the same batches, live and in
/// replay alike, so a new view is registered once and is never missed by either.
class EventView {
public:
    virtual ~EventView() = default;

    /// The run's next events, in order. `names` already knows every process `batch` announces.
    virtual void addEvents(std::span<const Event> batch, const ProcessNames& names) = 0;
    /// Forgets the run: the next batch is a run's first.
    virtual void clear() = 0;

protected:
    EventView() = default;
    EventView(const EventView&) = default;
    EventView& operator=(const EventView&) = default;
};

} // namespace ipclab
