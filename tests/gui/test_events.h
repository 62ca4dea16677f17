#pragma once

#include "events/event.h"
#include "gui/run/run_views.h"

#include <QtGlobal>
#include <cstdint>
#include <string>
#include <vector>

namespace ipclab::test {

/// A finished system call as the tracer would report it; `bytes` > 0 makes it a copy in
/// `direction`.
SyscallRecord call(int pid, const std::string& name, Phase phase, CopyDirection direction, std::uint64_t bytes,
                   int fd = 5);

Event started(int pid, const std::string& name, const std::string& role);
Event entered(const SyscallRecord& record);
Event exited(const SyscallRecord& record);
Event phaseChanged(int pid, Phase phase);
Event sample(const std::string& channel, std::uint64_t used, std::uint64_t capacity);
Event held(const SyscallRecord& record);
Event notice(const std::string& text);

/// One round trip of `size` bytes between P1 (pid 100) and P2 (pid 200), as entry/exit pairs.
std::vector<Event> roundTrip(std::uint64_t size);

/// Feeds one view the way a run does, through a RunViews of its own: the names a batch announces
/// are known to the view from then on. Takes braced lists of events, as the tests write them.
class Feeder {
public:
    explicit Feeder(EventView& view) { m_views.add(view); }
    void operator()(const std::vector<Event>& batch) { m_views.addEvents(batch); }
    /// A new run: the view and the names forget the last one.
    void clear() { m_views.clear(); }

private:
    RunViews m_views;
};

/// Collects Qt warnings while alive, so QAbstractItemModelTester failures become test failures.
class WarningCollector {
public:
    WarningCollector();
    ~WarningCollector();
    WarningCollector(const WarningCollector&) = delete;
    WarningCollector& operator=(const WarningCollector&) = delete;
    const std::vector<std::string>& warnings() const;

private:
    QtMessageHandler m_previous;
};

} // namespace ipclab::test
