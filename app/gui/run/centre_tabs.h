#pragma once

#include "events/event.h"

#include <QTabWidget>
#include <vector>

namespace ipclab {

class IpcsPanel;
class MemoryPanel;
class StagePanel;

/// The centre of the window: the stage ("Processes and kernel"), the memory view ("Memory")
/// and the ipcs panel ("IPC objects") in tabs. Hands each run's batches to the views that draw
/// them and brings the Memory tab forward when a run's first mapping snapshot arrives, unless
/// a tab was pinned. GUI thread only.
class CentreTabs : public QTabWidget {
    Q_OBJECT
public:
    enum class Tab { Stage, Memory, Ipcs };

    explicit CentreTabs(QWidget* parent = nullptr);

    /// Empties the run's views for a new run (the ipcs panel lists the machine, not the run).
    void clear();
    void addEvents(const std::vector<Event>& batch);
    void showTab(Tab tab);
    /// Shows `tab` and keeps it there: a run no longer brings the Memory tab forward.
    void pin(Tab tab);

    StagePanel* stage() const { return m_stage; }
    MemoryPanel* memory() const { return m_memory; }
    IpcsPanel* ipcs() const { return m_ipcs; }

private:
    StagePanel* m_stage;
    MemoryPanel* m_memory;
    IpcsPanel* m_ipcs;
    bool m_pinned = false;
};

} // namespace ipclab
