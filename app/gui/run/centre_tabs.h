#pragma once

#include <QTabWidget>

namespace ipclab {

class IpcsPanel;
class MemoryPanel;
class StagePanel;

/// The centre of the window: the stage ("Processes and kernel"), the memory view ("Memory")
/// and the ipcs panel ("IPC objects") in tabs. Brings the Memory tab forward when a run's first
/// mapping snapshot arrives, unless a tab was pinned. The stage and the memory view are fed
/// through the window's RunViews, like every view of a run. GUI thread only.
class CentreTabs : public QTabWidget {
    Q_OBJECT
public:
    enum class Tab { Stage, Memory, Ipcs };

    explicit CentreTabs(QWidget* parent = nullptr);

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
