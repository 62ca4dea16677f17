#pragma once

#include "events/event.h"

#include <QCoreApplication>
#include <QString>
#include <map>
#include <span>

namespace ipclab {

/// Who is who in one run: the processes its ProcessStarted events announced, by pid. One per run,
/// learned once (RunViews feeds it each batch before any view sees the batch) and handed to every
/// view, so that "P1" and the "pid 4242" of a process the run did not announce are spelled here
/// only. GUI thread only.
class ProcessNames {
    Q_DECLARE_TR_FUNCTIONS(ProcessNames)

public:
    void clear() { m_announced.clear(); }
    /// Learns the processes that `batch` announces.
    void add(std::span<const Event> batch);

    /// The announcement of `pid`, or null when the run did not announce it.
    const ProcessStarted* find(int pid) const;
    /// "P1", or unannounced(pid).
    QString nameOf(int pid) const;
    /// "pid 4242": how a process the run did not announce (a forked child) is named everywhere.
    static QString unannounced(int pid);
    std::size_t size() const { return m_announced.size(); }

private:
    std::map<int, ProcessStarted> m_announced;
};

} // namespace ipclab
