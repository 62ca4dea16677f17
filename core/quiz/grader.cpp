#include "quiz/grader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ipclab {

namespace {

constexpr double kExactSlack = 1e-9;

std::string formatNumber(double value) {
    if (std::fabs(value - std::round(value)) < kExactSlack && std::fabs(value) < 1e15) {
        return std::to_string(static_cast<long long>(std::llround(value)));
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

bool withinTolerance(const Blank& blank, double given) {
    const double error = std::fabs(given - blank.value);
    return error <= blank.absTolerance + kExactSlack || error <= blank.relTolerance * std::fabs(blank.value);
}

bool wordMatches(const Blank& blank, const std::string& given) {
    const std::string normalised = normaliseWord(given);
    return !normalised.empty() && std::any_of(blank.accepted.begin(), blank.accepted.end(),
                                              [&](const std::string& a) { return normaliseWord(a) == normalised; });
}

std::string blankKey(const Blank& blank, QuestionKind kind) {
    if (kind == QuestionKind::Word) {
        return blank.accepted.empty() ? std::string() : blank.accepted.front();
    }
    std::string text = formatNumber(blank.value);
    if (!blank.unit.empty()) {
        text += " " + blank.unit;
    }
    if (blank.absTolerance > 0) {
        text += " (+- " + formatNumber(blank.absTolerance) + ")";
    } else if (blank.relTolerance > 0) {
        text += " (+- " + formatNumber(blank.relTolerance * 100) + " %)";
    }
    return text;
}

void gradeBlanks(const Question& question, const Answer& answer, Grade& grade) {
    std::size_t right = 0;
    for (std::size_t i = 0; i < question.blanks.size(); ++i) {
        const Blank& blank = question.blanks[i];
        bool ok = false;
        if (i < answer.parts.size()) {
            if (question.kind == QuestionKind::Word) {
                ok = wordMatches(blank, answer.parts[i]);
            } else if (const auto number = parseNumber(answer.parts[i], blank.unit)) {
                ok = withinTolerance(blank, *number);
            }
        }
        grade.partsCorrect.push_back(ok);
        grade.expected.push_back(blankKey(blank, question.kind));
        right += ok ? 1 : 0;
    }
    const std::size_t total = question.blanks.size();
    grade.correct = total > 0 && right == total;
    grade.earned = total == 0 ? 0 : question.points * static_cast<double>(right) / static_cast<double>(total);
    grade.feedback = grade.correct ? "right"
                     : total == 1  ? "not right"
                                   : std::to_string(right) + " of " + std::to_string(total) + " blanks right";
}

std::string textOf(const std::vector<Choice>& items, const std::string& id) {
    for (const Choice& item : items) {
        if (item.id == id) {
            return item.text;
        }
    }
    return id;
}

void gradeWhole(bool ok, const Question& question, Grade& grade) {
    grade.correct = ok;
    grade.earned = ok ? question.points : 0;
    grade.partsCorrect = {ok};
    grade.feedback = ok ? "right" : "not right";
}

} // namespace

Grade grade(const Question& question, const Answer& answer) {
    Grade result;
    result.possible = question.graded() ? question.points : 0;
    switch (question.kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice: {
        std::vector<std::string> given = answer.parts;
        std::sort(given.begin(), given.end());
        given.erase(std::unique(given.begin(), given.end()), given.end());
        std::vector<std::string> key = question.correctChoices;
        std::sort(key.begin(), key.end());
        for (const std::string& id : question.correctChoices) {
            result.expected.push_back(textOf(question.choices, id));
        }
        gradeWhole(!given.empty() && given == key, question, result);
        break;
    }
    case QuestionKind::Word:
    case QuestionKind::Numeric:
        gradeBlanks(question, answer, result);
        break;
    case QuestionKind::Ordering: {
        for (const std::string& id : question.correctOrder) {
            result.expected.push_back(textOf(question.events, id));
        }
        gradeWhole(answer.parts == question.correctOrder, question, result);
        break;
    }
    case QuestionKind::PickPage: {
        result.expected = question.correctPages;
        const bool ok = answer.parts.size() == 1 &&
                        std::find(question.correctPages.begin(), question.correctPages.end(), answer.parts.front()) !=
                            question.correctPages.end();
        gradeWhole(ok, question, result);
        break;
    }
    case QuestionKind::Reflection:
        result.graded = false;
        result.feedback = "kept with your progress (reflections are not graded)";
        break;
    }
    return result;
}

Question withObservedKey(const Question& question, const ObservedFigures& figures) {
    Question observed = question;
    for (Blank& blank : observed.blanks) {
        if (const auto it = figures.find(blank.observed); !blank.observed.empty() && it != figures.end()) {
            blank.value = it->second;
        }
    }
    return observed;
}

Grade gradeObserved(const Question& question, const Answer& answer, const ObservedFigures& figures) {
    for (const Blank& blank : question.blanks) {
        if (!blank.observed.empty() && figures.find(blank.observed) == figures.end()) {
            Grade result;
            result.graded = false;
            result.possible = 0;
            result.feedback = "not graded: the run did not observe '" + blank.observed +
                              "' (it was not traced), and no figure is made up in its place";
            return result;
        }
    }
    Grade result = grade(withObservedKey(question, figures), answer);
    result.feedback += " (checked against what the kernel was seen doing in the run)";
    return result;
}

} // namespace ipclab
