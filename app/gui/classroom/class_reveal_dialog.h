#pragma once

#include "quiz/question.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace ipclab {

/// A question put to a whole class: first the question alone, in large type; "Collect hands"
/// shows the options (never the answer) while students vote; "Reveal" shows the answer and the
/// explanation and offers to run the experiment that checks it. GUI thread only.
class ClassRevealDialog : public QDialog {
    Q_OBJECT
public:
    enum class Stage { Question, Hands, Revealed };

    explicit ClassRevealDialog(Question question, QWidget* parent = nullptr);

    Stage stage() const { return m_stage; }
    void collectHands();
    void reveal();
    /// What is shown below the question, as plain text (tests read it).
    QString bodyText() const;
    QPushButton* runButton() const { return m_run; }

signals:
    /// "Run the experiment": the question's scenario (with its parameters) or its show-me target.
    void runExperimentRequested(const ipclab::Question& question);

private:
    QString optionsHtml() const;

    Question m_question;
    Stage m_stage = Stage::Question;
    QLabel* m_body = nullptr;
    QPushButton* m_hands = nullptr;
    QPushButton* m_reveal = nullptr;
    QPushButton* m_run = nullptr;
};

} // namespace ipclab
