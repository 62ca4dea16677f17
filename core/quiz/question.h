#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// The answer formats a quiz question can take.
enum class QuestionKind : std::uint8_t {
    SingleChoice,   ///< exactly one choice is right
    MultipleChoice, ///< any non-empty set of choices; the answer must match the set exactly
    Word,           ///< one or more single-word blanks ("msgsnd"), case-insensitive, variants accepted
    Numeric,        ///< one or more numeric blanks with tolerance and unit
    Ordering,       ///< put timeline events in the order they happen
    PickPage,       ///< pick the shared page/frame among pages of a memory picture
    Reflection,     ///< free text, never graded, kept in the progress store
};

/// "single-choice", "multiple-choice", "word", "numeric", "ordering", "pick-page", "reflection":
/// the spelling used in quiz files and JSON.
std::string_view questionKindName(QuestionKind kind);
std::optional<QuestionKind> questionKindFromName(std::string_view name);

/// One choice of a choice question, or one event of an ordering question.
struct Choice {
    std::string id;   ///< stable key graded on: "a", "b", ... for choices; "e1", "e2", ... for events
    std::string text; ///< what the student reads
};

/// One blank of a Word or Numeric question.
struct Blank {
    std::string label; ///< "send", "crossings": names the blank when there are several

    // Word blanks: the answer is compared after normalisation (see normaliseWord()).
    std::vector<std::string> accepted; ///< first is the canonical answer shown in the key

    // Numeric blanks: right when |given - value| <= absTolerance or <= relTolerance * |value|.
    double value = 0;        ///< the key (for run-checked blanks: the lesson's prediction)
    double absTolerance = 0; ///< 0 and relTolerance 0: exact (to 1e-9)
    double relTolerance = 0; ///< 0.05 = within 5 %
    std::string unit;        ///< "bytes", "crossings", "ms", ""; "bytes" answers may use K/KiB/M/MiB
    std::string observed;    ///< run-checked: the figure graded against ("transfer.crossings"), else ""
};

/// One page of a pick-page picture: a virtual page of one process and the frame behind it.
/// The GUI draws these in its memory view and the student clicks one; the CLI lists them.
struct PageOption {
    std::string id;                     ///< "P1@0x7f3a12340000": graded on
    std::string process;                ///< "P1"
    std::uint64_t address = 0;          ///< virtual address in that process
    std::optional<std::uint64_t> frame; ///< physical frame number, when known
    std::string region;                 ///< "POSIX shm object", "heap", "stack": what the page belongs to
};

/// For run-checked questions: which real scenario to run, with which parameters.
struct RunCheck {
    std::string scenarioId;                    ///< "pipe-request-response"
    std::map<std::string, std::string> params; ///< resolved values, as for --param ("size" -> "8192")
};

/// A concrete question, ready to show and grade: every template filled in from the seed.
/// Produced by generateQuiz() (quiz_generator.h); a plain value, safe to copy across threads.
struct Question {
    std::string id; ///< unique within its quiz
    QuestionKind kind = QuestionKind::SingleChoice;
    int section = 0; ///< lesson section (LESSON.md) it tests
    std::string prompt;
    std::string explanation; ///< cites the section ("§4: ..."); shown after an answer
    std::vector<std::string> hints;
    int points = 1; ///< 0 for reflections
    /// What to show next to the explanation: a scenario id, a lesson page id (scenarios/pages), or
    /// "bench" (the it-depends experiment); "" for none.
    std::string showMe;

    std::vector<Choice> choices;             ///< SingleChoice/MultipleChoice, in presentation order
    std::vector<std::string> correctChoices; ///< ids of the right choices

    std::vector<Blank> blanks; ///< Word/Numeric: at least one

    std::vector<Choice> events;            ///< Ordering: in presentation order (shuffled by the seed)
    std::vector<std::string> correctOrder; ///< Ordering: event ids in the order they happen

    std::vector<PageOption> pages;         ///< PickPage with a static picture; empty when livePages
    std::vector<std::string> correctPages; ///< PickPage: ids of the right pages (any one of them is right)
    /// PickPage: options come from a real run's mapping snapshots (pageOptionsFromMappings in
    /// run_check.h); the scenario to run is in `run`.
    bool livePages = false;

    std::optional<RunCheck> run; ///< set for predict-then-run questions and live pick-page pictures

    bool graded() const { return kind != QuestionKind::Reflection; }
    /// True when some blank is graded against a figure observed in a real run.
    bool runChecked() const;
};

} // namespace ipclab
