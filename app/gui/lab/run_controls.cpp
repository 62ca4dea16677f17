#include "gui/lab/run_controls.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <array>

namespace ipclab {

namespace {

// Slider positions, slow to fast: the wait before each system call may enter the kernel.
constexpr std::array<int, 11> kDelaysMs{1500, 1000, 700, 500, 300, 200, 120, 80, 50, 25, 10};
constexpr int kDefaultSpeed = 4;

QPushButton* makeButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setToolTip(tip);
    button->setMinimumWidth(84);
    return button;
}

} // namespace

RunControls::RunControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setupButtons();
    setupPace();
    layout->addWidget(m_run);
    layout->addWidget(m_pause);
    layout->addWidget(m_step);
    layout->addWidget(m_stop);
    layout->addSpacing(24);
    layout->addWidget(new QLabel(tr("Mode"), this));
    layout->addWidget(m_mode);
    layout->addSpacing(16);
    layout->addWidget(new QLabel(tr("Slow"), this));
    layout->addWidget(m_speed, 1);
    layout->addWidget(new QLabel(tr("Fast"), this));
    layout->addWidget(m_speedLabel);
    refreshEnabled();
}

void RunControls::setupButtons() {
    m_run = makeButton(tr("▶ Run"), tr("Start the scenario with real processes"), this);
    m_run->setDefault(true);
    m_pause = makeButton(tr("Pause"), tr("Hold every process at its next system call"), this);
    m_pause->setCheckable(true);
    m_step = makeButton(tr("Step"), tr("Let the held process make its system call"), this);
    m_stop = makeButton(tr("■ Stop"), tr("End the run now; the processes are killed and cleaned up"), this);
    connect(m_run, &QPushButton::clicked, this, &RunControls::runRequested);
    connect(m_pause, &QPushButton::toggled, this, &RunControls::pauseToggled);
    connect(m_step, &QPushButton::clicked, this, &RunControls::stepRequested);
    connect(m_stop, &QPushButton::clicked, this, &RunControls::stopRequested);
}

void RunControls::setupPace() {
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Watch"), static_cast<int>(PaceMode::Watch));
    m_mode->addItem(tr("Step"), static_cast<int>(PaceMode::Step));
    m_mode->addItem(tr("Full speed"), static_cast<int>(PaceMode::Free));
    m_mode->setToolTip(tr("Watch: paced so you can follow. Step: one system call per press. "
                          "Full speed: no pauses (still observed)."));
    m_speed = new QSlider(Qt::Horizontal, this);
    m_speed->setRange(0, static_cast<int>(kDelaysMs.size()) - 1);
    m_speed->setValue(kDefaultSpeed);
    m_speed->setMinimumWidth(140);
    m_speed->setToolTip(tr("How long each system call waits before it enters the kernel in Watch mode"));
    m_speedLabel = new QLabel(this);
    m_speedLabel->setMinimumWidth(130);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        refreshEnabled();
        emit modeChanged(mode());
    });
    connect(m_speed, &QSlider::valueChanged, this, [this] {
        refreshEnabled();
        emit delayChanged(delay());
    });
}

void RunControls::setRunning(bool running) {
    m_running = running;
    if (!running) {
        m_pause->setChecked(false);
    }
    refreshEnabled();
}

void RunControls::setRunnable(bool runnable) {
    m_runnable = runnable;
    refreshEnabled();
}

PaceMode RunControls::mode() const {
    return static_cast<PaceMode>(m_mode->currentData().toInt());
}

void RunControls::setMode(PaceMode mode) {
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(mode)));
}

std::chrono::milliseconds RunControls::delay() const {
    return std::chrono::milliseconds(kDelaysMs[static_cast<std::size_t>(m_speed->value())]);
}

void RunControls::refreshEnabled() {
    m_run->setEnabled(!m_running && m_runnable);
    m_run->setToolTip(m_runnable ? QString() : tr("An explanation page cannot be run; its links lead to scenarios."));
    m_pause->setEnabled(m_running);
    m_step->setEnabled(m_running && mode() == PaceMode::Step);
    m_stop->setEnabled(m_running);
    m_speed->setEnabled(mode() == PaceMode::Watch);
    switch (mode()) {
    case PaceMode::Watch:
        m_speedLabel->setText(tr("%1 ms per call").arg(delay().count()));
        break;
    case PaceMode::Step:
        m_speedLabel->setText(tr("waits for Step"));
        break;
    case PaceMode::Free:
        m_speedLabel->setText(tr("no waiting"));
        break;
    }
}

} // namespace ipclab
