#pragma once

#include "gui/quiz/question_input.h"

class QListWidget;
class QPushButton;

namespace ipclab {

/// The events of an ordering question in a list the student reorders, by dragging or with the
/// Up/Down buttons (keyboard: Alt+Up / Alt+Down). Always complete: the order shown is the answer.
class OrderingInput : public QuestionInput {
    Q_OBJECT
public:
    OrderingInput(const Question& question, QWidget* parent);

    Answer answer() const override;
    bool complete() const override { return true; }
    void setLocked(bool locked) override;
    void setAnswer(const Answer& answer) override;
    /// Moves row `from` by `delta` places (tests, and the Up/Down buttons).
    void moveRow(int from, int delta);
    QListWidget* list() const { return m_list; }

private:
    QListWidget* m_list;
    QPushButton* m_up;
    QPushButton* m_down;
};

} // namespace ipclab
