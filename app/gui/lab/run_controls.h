#pragma once

#include "observe/pace_gate.h"

#include <QWidget>
#include <chrono>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

namespace ipclab {

/// Run, Pause, Step and Stop, the pace (Watch, Step, Full speed) and, for Watch, how long each
/// system call waits before it may enter the kernel. Emits what the user asked for; the window
/// decides. GUI thread only.
class RunControls : public QWidget {
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    /// Enables what makes sense while a run is (not) going.
    void setRunning(bool running);
    /// False while an explanation page is shown: Run stays disabled until a scenario is chosen.
    void setRunnable(bool runnable);
    PaceMode mode() const;
    void setMode(PaceMode mode);
    std::chrono::milliseconds delay() const;

    QPushButton* runButton() const { return m_run; }
    QPushButton* stepButton() const { return m_step; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* pauseButton() const { return m_pause; }
    QSlider* speedSlider() const { return m_speed; }

signals:
    void runRequested();
    void stopRequested();
    void pauseToggled(bool paused);
    void stepRequested();
    void modeChanged(ipclab::PaceMode mode);
    void delayChanged(std::chrono::milliseconds delay);

private:
    void setupButtons();
    void setupPace();
    void refreshEnabled();

    QPushButton* m_run = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_stop = nullptr;
    QComboBox* m_mode = nullptr;
    QSlider* m_speed = nullptr;
    QLabel* m_speedLabel = nullptr;
    bool m_running = false;
    bool m_runnable = true;
};

} // namespace ipclab
