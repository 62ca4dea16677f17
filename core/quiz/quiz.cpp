#include "quiz/quiz.h"

#include <algorithm>

namespace ipclab {

bool Quiz::parametric() const {
    return std::any_of(questions.begin(), questions.end(), [](const QuestionSpec& q) { return q.parametric(); });
}

bool Quiz::runsScenarios() const {
    return std::any_of(questions.begin(), questions.end(),
                       [](const QuestionSpec& q) { return !q.runScenario.empty(); });
}

int Quiz::totalPoints() const {
    int total = 0;
    for (const QuestionSpec& question : questions) {
        total += question.kind == QuestionKind::Reflection ? 0 : question.points;
    }
    return total;
}

} // namespace ipclab
