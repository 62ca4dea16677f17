#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QSlider;
class QToolButton;

namespace ipclab {

/// The strip under the stage for scrubbing a finished run's recording: step back, a slider over
/// the recorded events, step forward, a label saying where the replay stands, and a button for
/// an action beside it (Export trace…). Position p means "the first p events have happened".
/// Left/Right step while the strip has the focus. Emits what the user asked for; the owner
/// decides what is shown and calls showPosition(). GUI thread only.
class ReplayBar : public QWidget {
    Q_OBJECT
public:
    explicit ReplayBar(QWidget* parent = nullptr);

    /// No recording (a run is going, or none ran yet): everything disabled, `why` in the label.
    void disable(const QString& why);
    /// A recording of `count` events is available; positions 0..count can be chosen.
    void enable(int count);
    /// Moves the slider to `position` (without asking for it again) and shows `label`.
    void showPosition(int position, const QString& label);
    /// Puts `action` on a button at the end of the strip.
    void addButtonFor(QAction* action);

    int position() const;
    int count() const;
    QSlider* slider() const { return m_slider; }
    QToolButton* backButton() const { return m_back; }
    QToolButton* forwardButton() const { return m_forward; }
    QString text() const;

signals:
    /// The user chose `position` (by slider, button or key).
    void positionRequested(int position);

private:
    void setupShortcuts();
    void stepBy(int delta);
    void setLabelBold(bool bold);

    QHBoxLayout* m_row;
    QLabel* m_label;
    QToolButton* m_back;
    QSlider* m_slider;
    QToolButton* m_forward;
    bool m_updating = false; ///< set while showPosition() moves the slider
};

} // namespace ipclab
