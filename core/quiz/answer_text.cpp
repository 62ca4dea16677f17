// The text side of answers: how typed answers are normalised and parsed, and how keys are
// written back as text. Declared in grader.h.
#include "quiz/grader.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ipclab {

namespace {

constexpr double kKiB = 1024.0;
constexpr double kMiB = 1024.0 * 1024.0;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Splits on any of `separators`, trimming each part and dropping empty ones.
std::vector<std::string> splitOn(std::string_view text, std::string_view separators) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find_first_of(separators, start), text.size());
        const std::string_view part = trim(text.substr(start, end - start));
        if (!part.empty()) {
            parts.emplace_back(part);
        }
        start = end + 1;
    }
    return parts;
}

/// One part per blank: ';' first, then ',', then spaces, whichever gives exactly `count` parts.
std::optional<std::vector<std::string>> splitBlanks(std::string_view line, std::size_t count) {
    if (count == 1) {
        const std::string_view part = trim(line);
        return part.empty() ? std::nullopt : std::optional(std::vector<std::string>{std::string(part)});
    }
    for (std::string_view separators : {";", ",", " \t"}) {
        auto parts = splitOn(line, separators);
        if (parts.size() == count) {
            return parts;
        }
        if (line.find_first_of(separators) != std::string_view::npos && separators != " \t") {
            return parts.size() == count ? std::optional(parts) : std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<std::string> idForLetter(char letter, const std::vector<Choice>& items) {
    const int index = std::tolower(static_cast<unsigned char>(letter)) - 'a';
    if (index < 0 || index >= static_cast<int>(items.size())) {
        return std::nullopt;
    }
    return items[static_cast<std::size_t>(index)].id;
}

/// "a c", "a,c", "ac" -> ids; nullopt naming the offending letter in `why`.
std::optional<std::vector<std::string>> lettersToIds(std::string_view line, const std::vector<Choice>& items,
                                                     std::string* why) {
    std::vector<std::string> ids;
    for (char c : line) {
        if (c == ' ' || c == ',' || c == ';' || c == '\t') {
            continue;
        }
        const auto id = idForLetter(c, items);
        if (!id) {
            if (why != nullptr) {
                *why = std::string("'") + c + "' is not one of the letters a to " +
                       static_cast<char>('a' + items.size() - 1);
            }
            return std::nullopt;
        }
        ids.push_back(*id);
    }
    return ids;
}

bool unitMatches(std::string_view given, std::string_view unit) {
    const std::string a = lower(given);
    const std::string b = lower(unit);
    const auto singular = [](std::string text) {
        if (!text.empty() && text.back() == 's') {
            text.pop_back();
        }
        return text;
    };
    return a == b || singular(a) == singular(b);
}

std::optional<std::string> parsePickPage(const Question& question, std::string_view line) {
    int number = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), number);
    if (ec == std::errc{} && end == line.data() + line.size() && number >= 1 &&
        number <= static_cast<int>(question.pages.size())) {
        return question.pages[static_cast<std::size_t>(number - 1)].id;
    }
    for (const PageOption& page : question.pages) {
        if (lower(page.id) == lower(line)) {
            return page.id;
        }
    }
    return std::nullopt;
}

} // namespace

std::string normaliseWord(std::string_view text) {
    std::string word = lower(trim(text));
    for (bool changed = true; changed && !word.empty();) {
        changed = false;
        const char first = word.front();
        if ((first == '"' || first == '\'' || first == '`') && word.size() >= 2 && word.back() == first) {
            word = std::string(trim(word.substr(1, word.size() - 2)));
            changed = true;
        } else if (word.back() == '.' || word.back() == '!') {
            word.pop_back();
            changed = true;
        } else if (word.back() == ')') {
            // "msgsnd()" or "msgsnd(2)": a call or a man-page section, not part of the name.
            const std::size_t open = word.rfind('(');
            if (open != std::string::npos && open > 0 &&
                std::all_of(word.begin() + static_cast<std::ptrdiff_t>(open) + 1, word.end() - 1,
                            [](unsigned char c) { return std::isdigit(c) != 0; })) {
                word = std::string(trim(word.substr(0, open)));
                changed = true;
            }
        }
    }
    return word;
}

std::optional<double> parseNumber(std::string_view text, std::string_view unit) {
    std::string digits;
    std::string_view rest = trim(text);
    std::size_t i = 0;
    for (; i < rest.size(); ++i) {
        const char c = rest[i];
        if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '+' ||
            ((c == 'e' || c == 'E') && i > 0 && i + 1 < rest.size() &&
             (std::isdigit(static_cast<unsigned char>(rest[i + 1])) != 0 || rest[i + 1] == '-'))) {
            digits += c;
        } else if ((c == ',' || c == '_') && !digits.empty()) {
            continue; // a thousands separator: "4,096"
        } else {
            break;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    const std::string suffix = lower(trim(rest.substr(i)));
    if (suffix.empty() || (!unit.empty() && unitMatches(suffix, unit))) {
        return value;
    }
    if (unit == "bytes") {
        if (suffix == "b" || suffix == "byte") {
            return value;
        }
        if (suffix == "k" || suffix == "kb" || suffix == "kib") {
            return value * kKiB;
        }
        if (suffix == "m" || suffix == "mb" || suffix == "mib") {
            return value * kMiB;
        }
    }
    return std::nullopt;
}

std::optional<Answer> parseAnswerLine(const Question& question, std::string_view line, std::string* why) {
    const std::string_view text = trim(line);
    const auto fail = [&](const std::string& reason) -> std::optional<Answer> {
        if (why != nullptr && why->empty()) {
            *why = reason;
        }
        return std::nullopt;
    };
    if (text.empty()) {
        return fail("no answer given");
    }
    switch (question.kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice: {
        auto ids = lettersToIds(text, question.choices, why);
        if (!ids) {
            return std::nullopt;
        }
        if (question.kind == QuestionKind::SingleChoice && ids->size() != 1) {
            return fail("give one letter");
        }
        return Answer{*ids};
    }
    case QuestionKind::Word:
    case QuestionKind::Numeric: {
        auto parts = splitBlanks(text, question.blanks.size());
        if (!parts) {
            return fail("give " + std::to_string(question.blanks.size()) + " answers separated by ';'");
        }
        return Answer{*parts};
    }
    case QuestionKind::Ordering: {
        auto ids = lettersToIds(text, question.events, why);
        if (!ids) {
            return std::nullopt;
        }
        std::vector<std::string> sorted = *ids;
        std::sort(sorted.begin(), sorted.end());
        if (ids->size() != question.events.size() || std::unique(sorted.begin(), sorted.end()) != sorted.end()) {
            return fail("give each of the " + std::to_string(question.events.size()) + " letters once, in order");
        }
        return Answer{*ids};
    }
    case QuestionKind::PickPage: {
        const auto id = parsePickPage(question, text);
        if (!id) {
            return fail("give the number of a listed page (1 to " + std::to_string(question.pages.size()) + ")");
        }
        return Answer{{*id}};
    }
    case QuestionKind::Reflection:
        return Answer{{std::string(text)}};
    }
    return std::nullopt;
}

std::string keyText(const Question& question) {
    const Grade key = grade(question, Answer{});
    std::string text;
    const std::string separator = question.kind == QuestionKind::Ordering ? " -> " : "; ";
    for (const std::string& part : key.expected) {
        text += (text.empty() ? "" : separator) + part;
    }
    return question.graded() ? text : "(free text, not graded)";
}

} // namespace ipclab
