#include "gui/run/centre_tabs.h"

#include "gui/ipcs/ipcs_panel.h"
#include "gui/memory/memory_panel.h"
#include "gui/stage/stage_panel.h"

namespace ipclab {

CentreTabs::CentreTabs(QWidget* parent)
    : QTabWidget(parent), m_stage(new StagePanel(this)), m_memory(new MemoryPanel(this)), m_ipcs(new IpcsPanel(this)) {
    addTab(m_stage, tr("Processes and kernel"));
    addTab(m_memory, tr("Memory"));
    addTab(m_ipcs, tr("IPC objects"));
    setDocumentMode(true);
    connect(m_memory, &MemoryPanel::firstSnapshot, this, [this] {
        if (!m_pinned) {
            setCurrentWidget(m_memory);
        }
    });
}

void CentreTabs::showTab(Tab tab) {
    switch (tab) {
    case Tab::Stage:
        setCurrentWidget(m_stage);
        break;
    case Tab::Memory:
        setCurrentWidget(m_memory);
        break;
    case Tab::Ipcs:
        setCurrentWidget(m_ipcs);
        break;
    }
}

void CentreTabs::pin(Tab tab) {
    m_pinned = true;
    showTab(tab);
}

} // namespace ipclab
