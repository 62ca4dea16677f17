#pragma once

#include "quiz/grader.h"
#include "quiz/question.h"

#include <QWidget>
#include <memory>

namespace ipclab {

/// The answer field of one question, in the form its kind needs (radio buttons, checkboxes, line
/// edits with their unit, a reorderable list, a list of pages, a text box). The panel reads the
/// student's answer in the grader's terms through answer(). GUI thread only.
class QuestionInput : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// What the student gave, as ids / texts per blank (see Answer in grader.h).
    virtual Answer answer() const = 0;
    /// False while nothing was chosen or typed: Submit stays disabled.
    virtual bool complete() const = 0;
    /// Locked inputs show the answer but cannot change it (after the last try, or while a run
    /// checks a prediction).
    virtual void setLocked(bool locked) = 0;
    /// Fills the input from an Answer (a kept answer, or a test); parts that do not fit are ignored.
    virtual void setAnswer(const Answer& answer) = 0;
    /// The answer as one readable line for the progress store ("b", "msgsnd", "e2 e1 e3").
    QString answerText() const;

signals:
    /// The student changed something: the panel re-checks complete().
    void edited();
};

/// Builds the input for `question`'s kind.
QuestionInput* makeQuestionInput(const Question& question, QWidget* parent);

} // namespace ipclab
