#include "gui/shell/window_classroom_host.h"

#include "gui/bridge/session_controller.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/run/centre_tabs.h"
#include "gui/shell/main_window.h"

#include <QPushButton>
#include <QSlider>

namespace ipclab {

QMainWindow* WindowClassroomHost::hostWindow() {
    return &m_window;
}

std::filesystem::path WindowClassroomHost::workerPath() const {
    return m_window.session()->workerPath();
}

const RunResult* WindowClassroomHost::lastResult() const {
    return m_window.lastResult() ? &*m_window.lastResult() : nullptr;
}

void WindowClassroomHost::addTab(QWidget* page, const QString& title) {
    m_window.centre()->addTab(page, title);
}

void WindowClassroomHost::showTab(QWidget* page) {
    m_window.centre()->setCurrentWidget(page);
}

void WindowClassroomHost::showStage() {
    m_window.centre()->showTab(CentreTabs::Tab::Stage);
}

void WindowClassroomHost::press(Control control) {
    const RunControls* controls = m_window.controls();
    QPushButton* button = nullptr;
    switch (control) {
    case Control::Run:
        button = controls->runButton();
        break;
    case Control::Pause:
        button = controls->pauseButton();
        break;
    case Control::Step:
        button = controls->stepButton();
        break;
    }
    if (button != nullptr && button->isEnabled()) {
        button->click();
    }
}

void WindowClassroomHost::nudgeSpeed(int notches) {
    // The slider runs from slow (left) to fast (right).
    if (QSlider* speed = m_window.controls()->speedSlider(); speed->isEnabled()) {
        speed->setValue(speed->value() + notches);
    }
}

bool WindowClassroomHost::selectScenario(const QString& id) {
    return m_window.scenarioList()->selectScenario(id);
}

void WindowClassroomHost::stepScenario(int delta) {
    m_window.scenarioList()->stepSelection(delta);
}

bool WindowClassroomHost::setParameter(const std::string& name, std::int64_t value) {
    return m_window.params()->setValue(name, value);
}

void WindowClassroomHost::startRun() {
    m_window.startRun();
}

void WindowClassroomHost::showItDepends() {
    m_window.showItDepends();
}

} // namespace ipclab
