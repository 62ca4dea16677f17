#include "gui/replay/replay_bar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace ipclab {

namespace {
constexpr int kPageStep = 10; ///< PageUp/PageDown and clicks in the groove move this many events

QToolButton* makeStepButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRepeat(true); // held down, it plays the recording one event at a time
    return button;
}
} // namespace

ReplayBar::ReplayBar(QWidget* parent)
    : QWidget(parent), m_row(new QHBoxLayout), m_label(new QLabel(this)),
      m_back(makeStepButton(tr("◀"), tr("One event back (Left)"), this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_forward(makeStepButton(tr("▶"), tr("One event forward (Right)"), this)) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    m_row->addWidget(m_back);
    m_row->addWidget(m_slider, 1);
    m_row->addWidget(m_forward);
    column->addLayout(m_row);
    column->addWidget(m_label);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_slider->setPageStep(kPageStep);
    m_slider->setToolTip(tr("Drag to replay the recorded run: the stage, the log and the counters follow"));
    setFocusProxy(m_slider);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating) {
            emit positionRequested(value);
        }
    });
    connect(m_back, &QToolButton::clicked, this, [this] { stepBy(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { stepBy(1); });
    setupShortcuts();
    disable(tr("Replay: available once a run has finished."));
}

void ReplayBar::setupShortcuts() {
    // Within the strip only: elsewhere the arrow keys belong to the tables and the stage.
    for (const auto& [key, delta] : {std::pair{Qt::Key_Left, -1}, std::pair{Qt::Key_Right, 1}}) {
        auto* shortcut = new QShortcut(QKeySequence(key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, delta] { stepBy(delta); });
    }
}

void ReplayBar::stepBy(int delta) {
    if (m_slider->isEnabled()) {
        m_slider->setValue(m_slider->value() + delta); // clamped to the range; emits if it moved
    }
}

void ReplayBar::disable(const QString& why) {
    m_updating = true;
    m_slider->setRange(0, 0);
    m_updating = false;
    m_slider->setEnabled(false);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    m_label->setText(why);
    setLabelBold(false);
}

void ReplayBar::enable(int count) {
    m_updating = true;
    m_slider->setRange(0, count);
    m_slider->setValue(count);
    m_updating = false;
    m_slider->setEnabled(count > 0);
    m_back->setEnabled(count > 0);
    m_forward->setEnabled(count > 0);
    setLabelBold(count > 0); // the views no longer show a live run: say so plainly
}

void ReplayBar::setLabelBold(bool bold) {
    QFont font = m_label->font();
    font.setBold(bold);
    m_label->setFont(font);
}

void ReplayBar::showPosition(int position, const QString& label) {
    m_updating = true;
    m_slider->setValue(position);
    m_updating = false;
    m_label->setText(label);
}

void ReplayBar::addButtonFor(QAction* action) {
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_row->addWidget(button);
}

int ReplayBar::position() const {
    return m_slider->value();
}

int ReplayBar::count() const {
    return m_slider->maximum();
}

QString ReplayBar::text() const {
    return m_label->text();
}

} // namespace ipclab
