#pragma once

#include "gui/classroom/classroom_host.h"

namespace ipclab {

class MainWindow;

/// The lab window as the classroom tools see it (ClassroomHost): each request goes to the
/// window's own controls, list and tabs. Owned by the window; GUI thread only.
class WindowClassroomHost : public ClassroomHost {
public:
    explicit WindowClassroomHost(MainWindow& window) : m_window(window) {}

    QMainWindow* hostWindow() override;
    std::filesystem::path workerPath() const override;
    const RunResult* lastResult() const override;
    void addTab(QWidget* page, const QString& title) override;
    void showTab(QWidget* page) override;
    void showStage() override;
    void press(Control control) override;
    void nudgeSpeed(int notches) override;
    bool selectScenario(const QString& id) override;
    void stepScenario(int delta) override;
    bool setParameter(const std::string& name, std::int64_t value) override;
    void startRun() override;
    void showItDepends() override;

private:
    MainWindow& m_window;
};

} // namespace ipclab
