// MainWindow's way into "It depends" (the benchmark chart), kept apart from main_window.cpp.
#include "gui/bench/bench_panel.h"
#include "gui/bridge/session_controller.h"
#include "gui/shell/main_window.h"

namespace ipclab {

void MainWindow::showItDepends() {
    if (m_itDepends == nullptr) {
        // A window of its own, owned by this one: closing the lab ends a sweep with it.
        m_itDepends = new BenchPanel(BenchPanelOptions{m_session->workerPath(), {}}, this);
        m_itDepends->setWindowFlag(Qt::Window);
    }
    m_itDepends->show();
    m_itDepends->raise();
    m_itDepends->activateWindow();
}

} // namespace ipclab
