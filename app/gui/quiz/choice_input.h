#pragma once

#include "gui/quiz/question_input.h"

#include <vector>

class QAbstractButton;
class QButtonGroup;

namespace ipclab {

/// Radio buttons for a single-choice question, checkboxes for a multiple-choice one.
class ChoiceInput : public QuestionInput {
    Q_OBJECT
public:
    ChoiceInput(const Question& question, QWidget* parent);

    Answer answer() const override;
    bool complete() const override;
    void setLocked(bool locked) override;
    void setAnswer(const Answer& answer) override;
    /// The buttons in presentation order (tests click them).
    const std::vector<QAbstractButton*>& buttons() const { return m_buttons; }

private:
    std::vector<std::string> m_ids;
    std::vector<QAbstractButton*> m_buttons;
    QButtonGroup* m_group = nullptr; ///< exclusive for single choice only
};

} // namespace ipclab
