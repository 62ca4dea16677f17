#include "quiz/question_reader.h"

#include "common/error.h"
#include "quiz/observed_names.h"
#include "quiz/quiz_expression.h"
#include "scenario/lesson_sections.h"

#include <algorithm>
#include <limits>

namespace ipclab {

namespace {

constexpr std::int64_t kMaxPoints = 100;
constexpr std::int64_t kMaxVariable = std::int64_t{1} << 40;

bool isName(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

bool isVariableName(std::string_view text) {
    return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

/// Whether a question of `kind` may use the kind-specific field `key`.
bool kindUses(QuestionKind kind, std::string_view key) {
    switch (kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice:
        return key == "choices" || key == "correct";
    case QuestionKind::Word:
        return key == "blanks";
    case QuestionKind::Numeric:
        return key == "blanks" || key == "run";
    case QuestionKind::Ordering:
        return key == "events";
    case QuestionKind::PickPage:
        return key == "pages" || key == "live" || key == "run";
    case QuestionKind::Reflection:
        return false;
    }
    return false;
}

void rejectOtherKindsKeys(const QuizFieldReader& reader, QuestionKind kind) {
    for (std::string_view key : {"choices", "correct", "blanks", "run", "events", "pages", "live"}) {
        if (reader.has(key) && !kindUses(kind, key)) {
            reader.failWith(key, "field '" + reader.fieldPath(key) + "' is not used by a " +
                                     std::string(questionKindName(kind)) + " question");
        }
    }
}

std::vector<VariableSpec> readVariables(QuizFieldReader& reader) {
    std::vector<VariableSpec> variables;
    const toml::table* table = reader.optionalTable("variables");
    if (table == nullptr) {
        return variables;
    }
    for (const auto& [key, node] : *table) {
        const std::string name(key.str());
        const std::string prefix = reader.prefix() + "variables." + name;
        if (!isVariableName(name) || name == "min" || name == "max" || name == "ceil_div") {
            reader.failWith("variables", "field '" + prefix +
                                             "': expected a variable name of lowercase letters and '_', "
                                             "not a function name");
        }
        if (!node.is_table()) {
            QuizFieldReader(*table, reader.prefix() + "variables.", reader.fileName())
                .failAt(name, "an inline table { min = .., max = .. } or { values = [..] }");
        }
        QuizFieldReader var(*node.as_table(), prefix + ".", reader.fileName());
        var.rejectUnknownKeys({"min", "max", "values"});
        VariableSpec spec;
        spec.name = name;
        if (var.has("values")) {
            var.rejectPresent({"min", "max"}, "a variable drawn from 'values'");
            spec.values = var.integers("values", 1, "a non-empty array of integers");
        } else {
            spec.min = var.integerIn("min", -kMaxVariable, kMaxVariable, "an integer within +-2^40");
            spec.max =
                var.integerIn("max", spec.min, kMaxVariable, "an integer >= min (" + std::to_string(spec.min) + ")");
        }
        variables.push_back(std::move(spec));
    }
    return variables;
}

/// The smallest value of every variable: what templates are checked with at load.
QuizVariables sampleValues(const std::vector<VariableSpec>& variables) {
    QuizVariables values;
    for (const VariableSpec& spec : variables) {
        values[spec.name] = spec.values.empty() ? spec.min : spec.values.front();
    }
    return values;
}

/// Checks that a template or expression only uses known names and sound syntax. Failures of
/// the drawn values (division by zero) are left to generation, which names the seed.
void checkText(const QuizFieldReader& reader, std::string_view key, const std::string& text,
               const QuizVariables& sample, bool isExpression) {
    try {
        if (isExpression) {
            (void)evaluateQuizExpression(text, sample);
        } else {
            (void)fillQuizTemplate(text, sample);
        }
    } catch (const QuizExpressionError& error) {
        if (error.syntax()) {
            reader.failWith(key, "field '" + reader.fieldPath(key) + "': " + error.what());
        }
    }
}

void readChoices(QuizFieldReader& reader, QuestionSpec& question, const QuizVariables& sample) {
    const bool single = question.kind == QuestionKind::SingleChoice;
    if (reader.has("correct")) {
        // Strings with 1-based positions of the right ones.
        const auto texts = reader.strings("choices", 2, "an array of at least two choice texts");
        const auto correct = reader.integers("correct", 1, "a non-empty array of choice positions (1-based)");
        for (const std::string& text : texts) {
            question.choices.push_back({text, false, {}});
        }
        for (std::int64_t position : correct) {
            if (position < 1 || position > static_cast<std::int64_t>(texts.size()) ||
                question.choices[static_cast<std::size_t>(position - 1)].correct) {
                reader.failAt("correct", "distinct positions from 1 to " + std::to_string(texts.size()));
            }
            question.choices[static_cast<std::size_t>(position - 1)].correct = true;
        }
        if (single && correct.size() != 1) {
            reader.failAt("correct", "exactly one position for a single-choice question");
        }
    } else {
        const auto choiceTables = reader.base().tables(
            "choices", 2, "at least two choices: strings with 'correct', or {text, correct} tables");
        for (std::size_t i = 0; i < choiceTables.size(); ++i) {
            QuizFieldReader choice(*choiceTables[i], reader.fieldPath("choices") + "[" + std::to_string(i) + "].",
                                   reader.fileName());
            choice.rejectUnknownKeys({"text", "correct", "correct_if"});
            ChoiceSpec spec{choice.text("text"), choice.optionalBool("correct", false),
                            choice.optionalText("correct_if")};
            if (spec.correct && !spec.correctIf.empty()) {
                choice.failWith("correct_if", "field '" + choice.fieldPath("correct_if") +
                                                  "': give either 'correct' or 'correct_if', not both");
            }
            if (!question.variables.empty()) {
                checkText(choice, "text", spec.text, sample, false);
            }
            if (!spec.correctIf.empty()) {
                checkText(choice, "correct_if", spec.correctIf, sample, true);
            }
            question.choices.push_back(std::move(spec));
        }
        const bool anyRule = std::any_of(question.choices.begin(), question.choices.end(),
                                         [](const ChoiceSpec& c) { return c.correct || !c.correctIf.empty(); });
        if (!anyRule) {
            reader.failWith("choices", "field '" + reader.fieldPath("choices") +
                                           "': expected at least one choice with correct = true or a correct_if");
        }
    }
}

BlankSpec readBlank(QuizFieldReader& blank, QuestionKind kind, const QuizVariables& sample, bool hasRun) {
    BlankSpec spec;
    spec.blank.label = blank.optionalText("label");
    if (kind == QuestionKind::Word) {
        blank.rejectUnknownKeys({"label", "accepted"});
        spec.blank.accepted = blank.strings("accepted", 1, "a non-empty array of accepted words");
        return spec;
    }
    blank.rejectUnknownKeys({"label", "value", "expect", "tolerance", "relative_tolerance", "unit", "observed"});
    if (blank.has("value") == blank.has("expect")) {
        blank.failWith(blank.has("value") ? "expect" : "value", "field '" + blank.fieldPath("value") +
                                                                    "': give the key as either 'value' (a number) or "
                                                                    "'expect' (an expression), exactly one of them");
    }
    if (blank.has("value")) {
        spec.blank.value = blank.optionalNonNegative("value", 0);
    } else {
        spec.expect = blank.text("expect");
        checkText(blank, "expect", spec.expect, sample, true);
    }
    spec.blank.absTolerance = blank.optionalNonNegative("tolerance", 0);
    spec.blank.relTolerance = blank.optionalNonNegative("relative_tolerance", 0);
    if (spec.blank.relTolerance >= 1) {
        blank.failAt("relative_tolerance", "a fraction below 1 (0.05 = 5 %)");
    }
    spec.blank.unit = blank.optionalText("unit");
    spec.blank.observed = blank.optionalText("observed");
    if (!spec.blank.observed.empty()) {
        if (!isObservedFigureName(spec.blank.observed)) {
            blank.failAt("observed", observedFigureRule());
        }
        if (!hasRun) {
            blank.failWith("observed", "field '" + blank.fieldPath("observed") +
                                           "': a blank graded on an observed figure needs the question's [run] table");
        }
    }
    return spec;
}

void readBlanks(QuizFieldReader& reader, QuestionSpec& question, const QuizVariables& sample) {
    const auto tables = reader.base().tables("blanks", 1, "at least one [[questions.blanks]] table");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        QuizFieldReader blank(*tables[i], reader.fieldPath("blanks") + "[" + std::to_string(i) + "].",
                              reader.fileName());
        question.blanks.push_back(readBlank(blank, question.kind, sample, reader.has("run")));
    }
    const bool observed = std::any_of(question.blanks.begin(), question.blanks.end(),
                                      [](const BlankSpec& b) { return !b.blank.observed.empty(); });
    if (reader.has("run") && !observed) {
        reader.failWith("run", "field '" + reader.fieldPath("run") +
                                   "': a run check needs at least one blank with 'observed'");
    }
}

void readPages(QuizFieldReader& reader, QuestionSpec& question) {
    question.livePages = reader.optionalBool("live", false);
    if (question.livePages) {
        reader.rejectPresent({"pages"}, "a live pick-page question (its pages come from the run)");
        if (!reader.has("run")) {
            reader.failWith("live", "field '" + reader.fieldPath("live") + "': a live picture needs a [run] table");
        }
        return;
    }
    reader.rejectPresent({"run"}, "a pick-page question with a static picture (set live = true to run)");
    const auto tables = reader.base().tables("pages", 2, "at least two [[questions.pages]] tables");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        QuizFieldReader page(*tables[i], reader.fieldPath("pages") + "[" + std::to_string(i) + "].", reader.fileName());
        page.rejectUnknownKeys({"process", "address", "frame", "region", "correct"});
        PageSpec spec;
        spec.page.process = page.text("process");
        const std::int64_t address =
            page.integerIn("address", 0, std::numeric_limits<std::int64_t>::max(), "a page address (0x7f...)");
        spec.page.address = static_cast<std::uint64_t>(address);
        if (page.has("frame")) {
            spec.page.frame = static_cast<std::uint64_t>(
                page.integerIn("frame", 0, std::numeric_limits<std::int64_t>::max(), "a frame number >= 0"));
        }
        spec.page.region = page.text("region");
        spec.correct = page.optionalBool("correct", false);
        question.pages.push_back(std::move(spec));
    }
    if (std::none_of(question.pages.begin(), question.pages.end(), [](const PageSpec& p) { return p.correct; })) {
        reader.failWith("pages",
                        "field '" + reader.fieldPath("pages") + "': expected at least one page with correct = true");
    }
}

void readRun(QuizFieldReader& reader, QuestionSpec& question, const QuizVariables& sample) {
    const toml::table* table = reader.optionalTable("run");
    if (table == nullptr) {
        return;
    }
    QuizFieldReader run(*table, reader.fieldPath("run") + ".", reader.fileName());
    run.rejectUnknownKeys({"scenario", "params"});
    question.runScenario = run.base().name(
        "scenario", [](std::string_view text) { return isName(text); }, "a scenario id (\"pipe-request-response\")");
    if (const toml::table* params = run.optionalTable("params")) {
        QuizFieldReader paramReader(*params, run.fieldPath("params") + ".", reader.fileName());
        for (const auto& [key, node] : *params) {
            const std::string name(key.str());
            const std::string expression = paramReader.text(name);
            checkText(paramReader, name, expression, sample, true);
            question.runParams[name] = expression;
        }
    }
}

void readKindFields(QuizFieldReader& reader, QuestionSpec& question, const QuizVariables& sample) {
    switch (question.kind) {
    case QuestionKind::SingleChoice:
    case QuestionKind::MultipleChoice:
        readChoices(reader, question, sample);
        break;
    case QuestionKind::Word:
    case QuestionKind::Numeric:
        readBlanks(reader, question, sample);
        break;
    case QuestionKind::Ordering:
        question.events = reader.strings("events", 2, "an array of at least two events, in the order they happen");
        break;
    case QuestionKind::PickPage:
        readPages(reader, question);
        break;
    case QuestionKind::Reflection:
        break;
    }
}

} // namespace

QuestionSpec readQuestion(QuizFieldReader& reader) {
    reader.rejectUnknownKeys({"id", "kind", "section", "points", "prompt", "explanation", "hints", "show_me",
                              "variables", "choices", "correct", "blanks", "run", "events", "pages", "live"});
    QuestionSpec question;
    question.position = reader.positionOf("id");
    question.id = reader.base().name(
        "id", [](std::string_view text) { return isName(text); },
        "a question id of lowercase letters, digits, '-', '_'");
    const std::string kindName = reader.base().name(
        "kind", [](std::string_view text) { return questionKindFromName(text).has_value(); },
        "one of single-choice, multiple-choice, word, numeric, ordering, pick-page, reflection");
    question.kind = *questionKindFromName(kindName);
    rejectOtherKindsKeys(reader, question.kind);
    question.section = static_cast<int>(
        reader.integerIn("section", kFirstLessonSection, kLastLessonSection, "a lesson section number from 1 to 23"));
    if (question.kind == QuestionKind::Reflection) {
        question.points =
            static_cast<int>(reader.optionalIntegerIn("points", 0, 0, 0, "0 (reflections are not graded)"));
    } else {
        question.points =
            static_cast<int>(reader.optionalIntegerIn("points", 1, kMaxPoints, 1, "an integer from 1 to 100"));
    }
    question.variables = readVariables(reader);
    const QuizVariables sample = sampleValues(question.variables);
    question.prompt = reader.text("prompt");
    question.explanation = reader.text("explanation");
    question.hints = reader.strings("hints", 0, "an array of hint texts");
    question.showMe = reader.optionalText("show_me");
    if (!question.showMe.empty() && !isName(question.showMe)) {
        reader.failAt("show_me", "a scenario id or \"bench\"");
    }
    if (question.parametric()) {
        checkText(reader, "prompt", question.prompt, sample, false);
        checkText(reader, "explanation", question.explanation, sample, false);
    }
    readRun(reader, question, sample);
    readKindFields(reader, question, sample);
    return question;
}

} // namespace ipclab
