#include "quiz/quiz_generator.h"

#include "common/error.h"
#include "quiz/quiz_expression.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <random>

namespace ipclab {

namespace {

/// FNV-1a: a hash that is the same everywhere (std::hash is not), to give each question its
/// own stream of draws.
std::uint64_t stableHash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

/// A draw in [0, n): plain modulo of mt19937_64's output, which the standard fixes bit for bit
/// (std::uniform_int_distribution and std::shuffle are not, and keys must match everywhere).
std::uint64_t below(std::mt19937_64& engine, std::uint64_t n) {
    return n == 0 ? 0 : engine() % n;
}

template <typename T> void shuffleInPlace(std::vector<T>& items, std::mt19937_64& engine) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[static_cast<std::size_t>(below(engine, i))]);
    }
}

QuizVariables drawVariables(const QuestionSpec& spec, std::mt19937_64& engine) {
    QuizVariables values;
    for (const VariableSpec& variable : spec.variables) {
        if (!variable.values.empty()) {
            values[variable.name] = variable.values[static_cast<std::size_t>(below(engine, variable.values.size()))];
        } else {
            const auto span = static_cast<std::uint64_t>(variable.max - variable.min) + 1;
            values[variable.name] = variable.min + static_cast<std::int64_t>(below(engine, span));
        }
    }
    return values;
}

std::string hexAddress(std::uint64_t address) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(address));
    return buffer;
}

/// Fills one question; expression failures propagate as QuizExpressionError.
Question fill(const QuestionSpec& spec, const QuizVariables& values, std::mt19937_64& engine) {
    const bool templated = spec.parametric();
    const auto text = [&](const std::string& raw) { return templated ? fillQuizTemplate(raw, values) : raw; };
    Question question;
    question.id = spec.id;
    question.kind = spec.kind;
    question.section = spec.section;
    question.prompt = text(spec.prompt);
    question.explanation = text(spec.explanation);
    for (const std::string& hint : spec.hints) {
        question.hints.push_back(text(hint));
    }
    question.points = spec.points;
    question.showMe = spec.showMe;

    for (const ChoiceSpec& choice : spec.choices) {
        const std::string choiceText = text(choice.text);
        const bool duplicate = std::any_of(question.choices.begin(), question.choices.end(),
                                           [&](const Choice& c) { return c.text == choiceText; });
        if (duplicate) {
            continue; // two generated values came out equal: show the value once
        }
        const std::string id(1, static_cast<char>('a' + question.choices.size()));
        question.choices.push_back({id, choiceText});
        if (choice.correct || (!choice.correctIf.empty() && evaluateQuizExpression(choice.correctIf, values) != 0)) {
            question.correctChoices.push_back(id);
        }
    }
    for (const BlankSpec& blank : spec.blanks) {
        Blank filled = blank.blank;
        if (!blank.expect.empty()) {
            filled.value = static_cast<double>(evaluateQuizExpression(blank.expect, values));
        }
        question.blanks.push_back(std::move(filled));
    }
    for (std::size_t i = 0; i < spec.events.size(); ++i) {
        const std::string id = "e" + std::to_string(i + 1);
        question.events.push_back({id, text(spec.events[i])});
        question.correctOrder.push_back(id);
    }
    if (question.events.size() > 1) {
        shuffleInPlace(question.events, engine);
        if (std::equal(question.events.begin(), question.events.end(), question.correctOrder.begin(),
                       [](const Choice& event, const std::string& id) { return event.id == id; })) {
            // Shown in the right order the question answers itself.
            std::rotate(question.events.begin(), question.events.begin() + 1, question.events.end());
        }
    }
    for (const PageSpec& page : spec.pages) {
        PageOption option = page.page;
        option.id = option.process + "@" + hexAddress(option.address);
        if (page.correct) {
            question.correctPages.push_back(option.id);
        }
        question.pages.push_back(std::move(option));
    }
    question.livePages = spec.livePages;
    if (!spec.runScenario.empty()) {
        RunCheck run;
        run.scenarioId = spec.runScenario;
        for (const auto& [name, expression] : spec.runParams) {
            run.params[name] = std::to_string(evaluateQuizExpression(expression, values));
        }
        question.run = std::move(run);
    }
    return question;
}

void checkKey(const Question& question, const Quiz& quiz, std::uint64_t seed) {
    const bool choices = question.kind == QuestionKind::SingleChoice || question.kind == QuestionKind::MultipleChoice;
    if (!choices) {
        return;
    }
    const std::size_t right = question.correctChoices.size();
    if (right == 0 || (question.kind == QuestionKind::SingleChoice && right != 1)) {
        throw Error(ErrorKind::BadScenario,
                    quiz.sourcePath.string() + ": question '" + question.id + "' with seed " + std::to_string(seed) +
                        " has " + std::to_string(right) + " right choices; a " +
                        std::string(questionKindName(question.kind)) +
                        (question.kind == QuestionKind::SingleChoice ? " question needs exactly one"
                                                                     : " question needs at least one"));
    }
}

} // namespace

GeneratedQuiz generateQuiz(const Quiz& quiz, std::uint64_t seed) {
    GeneratedQuiz generated{quiz.id, quiz.title, quiz.section, seed, {}};
    for (const QuestionSpec& spec : quiz.questions) {
        std::mt19937_64 engine(seed ^ stableHash(quiz.id + "/" + spec.id));
        try {
            const QuizVariables values = drawVariables(spec, engine);
            Question question = fill(spec, values, engine);
            checkKey(question, quiz, seed);
            generated.questions.push_back(std::move(question));
        } catch (const QuizExpressionError& error) {
            throw Error(ErrorKind::BadScenario, quiz.sourcePath.string() + ":" + std::to_string(spec.position.line) +
                                                    ":" + std::to_string(spec.position.column) + ": question '" +
                                                    spec.id + "' with seed " + std::to_string(seed) + ": " +
                                                    error.what());
        }
    }
    return generated;
}

std::uint64_t parseSeed(const std::string& text) {
    std::uint64_t seed = 0;
    const char* const last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(text.data(), last, seed);
    if (text.empty() || ec != std::errc{} || end != last) {
        throw Error(ErrorKind::BadUsage,
                    "--seed \"" + text + "\" is not a seed: expected a whole number from 0 to 18446744073709551615");
    }
    return seed;
}

} // namespace ipclab
