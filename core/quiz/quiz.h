#pragma once

#include "quiz/question.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// A variable of a parametric question, drawn from the seed: uniformly from [min, max], or one
/// of `values`.
struct VariableSpec {
    std::string name; ///< used in templates as {name}
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::vector<std::int64_t> values; ///< when non-empty, pick one of these (min/max unused)
};

/// A choice as written in a quiz file. Texts may hold {expression} templates; `correctIf` is an
/// expression (non-zero = right), used instead of `correct` for generated choices.
struct ChoiceSpec {
    std::string text;
    bool correct = false;
    std::string correctIf;
};

/// A blank as written: numeric keys are either a literal `value` or an `expect` expression.
struct BlankSpec {
    Blank blank;        ///< literal parts (label, accepted, tolerances, unit, observed, value)
    std::string expect; ///< expression for the numeric key over the variables; "" when literal
};

/// One page of a static pick-page picture, as written.
struct PageSpec {
    PageOption page;
    bool correct = false;
};

/// A question as written in a quiz file, before the seed fills in its templates.
struct QuestionSpec {
    std::string id;
    QuestionKind kind = QuestionKind::SingleChoice;
    int section = 0;
    std::string prompt; ///< may hold {expression} and {expression|bytes} templates
    std::string explanation;
    std::vector<std::string> hints;
    int points = 1;
    std::string showMe;
    std::vector<VariableSpec> variables;
    std::vector<ChoiceSpec> choices;
    std::vector<BlankSpec> blanks;
    std::vector<std::string> events; ///< ordering: event texts in the right order
    std::vector<PageSpec> pages;
    bool livePages = false;
    std::string runScenario;                      ///< "" when not run-checked
    std::map<std::string, std::string> runParams; ///< param -> expression
    SourcePosition position;                      ///< where the question starts in its file

    bool parametric() const { return !variables.empty(); }
};

/// One quiz file (scenarios/quizzes/ID.toml), validated.
struct Quiz {
    std::string id;      ///< "ipc-comparison"
    std::string title;   ///< "Which performs better?"
    int section = 0;     ///< the lesson section the quiz belongs to (its questions may cite others)
    std::string summary; ///< one sentence for lists
    std::vector<QuestionSpec> questions;
    std::filesystem::path sourcePath;
    SourcePosition idPosition;

    /// True when some question draws variables from the seed.
    bool parametric() const;
    /// True when some question runs a real scenario.
    bool runsScenarios() const;
    /// Sum of the points of all graded questions.
    int totalPoints() const;
};

} // namespace ipclab
