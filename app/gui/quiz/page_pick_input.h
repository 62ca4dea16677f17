#pragma once

#include "gui/quiz/question_input.h"

class QTreeWidget;

namespace ipclab {

/// The pages of a click-the-page picture, one row each (process, virtual address, frame, what
/// the page belongs to); the student picks one. Pages come from the question, or from the last
/// run's mapping snapshots when the panel filled them in (withLivePages / pageOptionsFromMappings).
class PagePickInput : public QuestionInput {
    Q_OBJECT
public:
    PagePickInput(const Question& question, QWidget* parent);

    Answer answer() const override;
    bool complete() const override;
    void setLocked(bool locked) override;
    void setAnswer(const Answer& answer) override;
    QTreeWidget* table() const { return m_table; }

private:
    QTreeWidget* m_table;
};

} // namespace ipclab
