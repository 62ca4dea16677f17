#pragma once

#include "gui/quiz/question_input.h"

#include <vector>

class QLineEdit;
class QPlainTextEdit;

namespace ipclab {

/// One line edit per blank of a Word or Numeric question, each with its label and unit.
class BlankInput : public QuestionInput {
    Q_OBJECT
public:
    BlankInput(const Question& question, QWidget* parent);

    Answer answer() const override;
    bool complete() const override;
    void setLocked(bool locked) override;
    void setAnswer(const Answer& answer) override;
    const std::vector<QLineEdit*>& edits() const { return m_edits; }

private:
    std::vector<QLineEdit*> m_edits;
};

/// A text box for a reflection: never graded, kept in the progress store.
class ReflectionInput : public QuestionInput {
    Q_OBJECT
public:
    explicit ReflectionInput(QWidget* parent);

    Answer answer() const override;
    bool complete() const override;
    void setLocked(bool locked) override;
    void setAnswer(const Answer& answer) override;
    QPlainTextEdit* editor() const { return m_text; }

private:
    QPlainTextEdit* m_text;
};

} // namespace ipclab
