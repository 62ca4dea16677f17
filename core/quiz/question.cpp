#include "quiz/question.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ipclab {

namespace {

constexpr std::array<std::pair<QuestionKind, std::string_view>, 7> kKindNames = {{
    {QuestionKind::SingleChoice, "single-choice"},
    {QuestionKind::MultipleChoice, "multiple-choice"},
    {QuestionKind::Word, "word"},
    {QuestionKind::Numeric, "numeric"},
    {QuestionKind::Ordering, "ordering"},
    {QuestionKind::PickPage, "pick-page"},
    {QuestionKind::Reflection, "reflection"},
}};

} // namespace

std::string_view questionKindName(QuestionKind kind) {
    for (const auto& [value, name] : kKindNames) {
        if (value == kind) {
            return name;
        }
    }
    return "unknown";
}

std::optional<QuestionKind> questionKindFromName(std::string_view name) {
    for (const auto& [value, text] : kKindNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

bool Question::runChecked() const {
    return std::any_of(blanks.begin(), blanks.end(), [](const Blank& blank) { return !blank.observed.empty(); });
}

} // namespace ipclab
