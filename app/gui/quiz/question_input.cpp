#include "gui/quiz/question_input.h"

#include "gui/quiz/blank_input.h"
#include "gui/quiz/choice_input.h"
#include "gui/quiz/ordering_input.h"
#include "gui/quiz/page_pick_input.h"

#include <QStringList>

namespace ipclab {

QString QuestionInput::answerText() const {
    QStringList parts;
    for (const std::string& part : answer().parts) {
        parts << QString::fromStdString(part);
    }
    return parts.join(QStringLiteral(", "));
}

QuestionInput* makeQuestionInput(const Question& question, QWidget* parent) {
    switch (question.kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice:
        return new ChoiceInput(question, parent);
    case QuestionKind::Word:
    case QuestionKind::Numeric:
        return new BlankInput(question, parent);
    case QuestionKind::Ordering:
        return new OrderingInput(question, parent);
    case QuestionKind::PickPage:
        return new PagePickInput(question, parent);
    case QuestionKind::Reflection:
        return new ReflectionInput(parent);
    }
    return new ReflectionInput(parent);
}

} // namespace ipclab
