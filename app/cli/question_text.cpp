#include "question_text.h"

#include "quiz/grader.h"

#include <algorithm>
#include <cstdio>

namespace ipclab::cli {

namespace {

std::string letterOf(const std::vector<Choice>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return std::string(1, static_cast<char>('a' + i));
        }
    }
    return "?";
}

std::string hex(std::uint64_t value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(value));
    return buffer;
}

void printLettered(std::ostream& out, const std::vector<Choice>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        out << "  " << static_cast<char>('a' + i) << ") " << items[i].text << "\n";
    }
}

void printPages(std::ostream& out, const std::vector<PageOption>& pages) {
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const PageOption& page = pages[i];
        out << "  " << (i + 1) << ") " << page.process << " virtual " << hex(page.address) << "  frame "
            << (page.frame ? hex(*page.frame) : std::string("(not shown by the kernel)")) << "  " << page.region
            << "\n";
    }
}

std::string howToAnswer(const Question& question) {
    switch (question.kind) {
    case QuestionKind::SingleChoice:
        return "Answer with one letter.";
    case QuestionKind::MultipleChoice:
        return "Answer with every letter that applies (\"a c\").";
    case QuestionKind::Word:
    case QuestionKind::Numeric:
        return question.blanks.size() == 1
                   ? "Answer with one " + std::string(question.kind == QuestionKind::Word ? "word." : "number.")
                   : "Answer with " + std::to_string(question.blanks.size()) +
                         " values in this order, separated by ';'.";
    case QuestionKind::Ordering:
        return "Answer with the letters in the order the events happen (\"c a b d\").";
    case QuestionKind::PickPage:
        return "Answer with the number of the page.";
    case QuestionKind::Reflection:
        return "Write your reflection on one line; it is kept with your progress, not graded.";
    }
    return "";
}

} // namespace

void printQuestion(std::ostream& out, const Question& question, std::size_t number, std::size_t count) {
    out << "\nQuestion " << number << " of " << count << "  [§" << question.section;
    if (question.graded()) {
        out << ", " << question.points << (question.points == 1 ? " point" : " points");
    }
    out << "]\n" << question.prompt << "\n";
    printLettered(out, question.kind == QuestionKind::Ordering ? question.events : question.choices);
    printPages(out, question.pages);
    if (question.blanks.size() > 1 || (question.blanks.size() == 1 && !question.blanks.front().label.empty())) {
        for (std::size_t i = 0; i < question.blanks.size(); ++i) {
            const Blank& blank = question.blanks[i];
            out << "  " << (i + 1) << ". " << (blank.label.empty() ? "answer" : blank.label)
                << (blank.unit.empty() ? "" : " (" + blank.unit + ")") << "\n";
        }
    }
    if (question.runChecked()) {
        out << "Predict, then run: after you answer, the real scenario runs and your answer is checked against "
               "what the kernel is seen doing.\n";
    }
    out << howToAnswer(question) << (question.hints.empty() ? "" : " Type ? for a hint.") << "\n";
}

std::string typedKey(const Question& question) {
    std::string typed;
    switch (question.kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice:
        for (const std::string& id : question.correctChoices) {
            typed += (typed.empty() ? "" : " ") + letterOf(question.choices, id);
        }
        break;
    case QuestionKind::Ordering:
        for (const std::string& id : question.correctOrder) {
            typed += (typed.empty() ? "" : " ") + letterOf(question.events, id);
        }
        break;
    case QuestionKind::PickPage:
        for (std::size_t i = 0; i < question.pages.size(); ++i) {
            if (std::find(question.correctPages.begin(), question.correctPages.end(), question.pages[i].id) !=
                question.correctPages.end()) {
                typed += (typed.empty() ? "" : " or ") + std::to_string(i + 1);
            }
        }
        break;
    default:
        return keyText(question);
    }
    return typed + "  (" + keyText(question) + ")";
}

} // namespace ipclab::cli
