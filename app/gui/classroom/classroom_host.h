#pragma once

#include <QString>
#include <cstdint>
#include <filesystem>
#include <string>

class QMainWindow;
class QWidget;

namespace ipclab {

struct RunResult;

/// What the classroom tools may ask of the lab they are wired into, and no more: show a tab,
/// press a run control, pick a scenario, set a parameter, start a run. The shell implements it
/// (WindowClassroomHost); the classroom never sees the window's widgets. GUI thread only.
class ClassroomHost {
public:
    enum class Control { Run, Pause, Step };

    virtual ~ClassroomHost() = default;

    /// The window the tools live in: it parents their dialogs, holds their menus and shortcuts
    /// (which work in full screen too), shows their status lines, and goes full screen in
    /// presenter mode.
    virtual QMainWindow* hostWindow() = 0;
    /// The worker program the lab's runs use; the quiz runs use it too.
    virtual std::filesystem::path workerPath() const = 0;
    /// The last run that finished, or null.
    virtual const RunResult* lastResult() const = 0;

    /// Adds `page` as a tab beside the stage, which then owns it.
    virtual void addTab(QWidget* page, const QString& title) = 0;
    /// Brings `page`, a tab added with addTab(), forward.
    virtual void showTab(QWidget* page) = 0;
    /// Brings the stage forward.
    virtual void showStage() = 0;

    /// Presses a run control as its button would be pressed; nothing happens while it is disabled.
    virtual void press(Control control) = 0;
    /// Moves the speed slider `notches` (positive: faster), unless it is disabled.
    virtual void nudgeSpeed(int notches) = 0;
    /// Selects scenario `id` in the list; false when there is none.
    virtual bool selectScenario(const QString& id) = 0;
    /// Selects the scenario `delta` entries after (negative: before) the current one, if any.
    virtual void stepScenario(int delta) = 0;
    /// Sets a parameter of the selected scenario; false when it has none of that name.
    virtual bool setParameter(const std::string& name, std::int64_t value) = 0;
    /// Runs the selected scenario with its parameters as set.
    virtual void startRun() = 0;
    /// Opens "It depends", the benchmark experiment.
    virtual void showItDepends() = 0;

protected:
    ClassroomHost() = default;
    ClassroomHost(const ClassroomHost&) = default;
    ClassroomHost& operator=(const ClassroomHost&) = default;
};

} // namespace ipclab
