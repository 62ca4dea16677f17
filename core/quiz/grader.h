#pragma once

#include "quiz/question.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// What a student gave for one question, in the terms the grader uses (ids, not labels).
///  - SingleChoice/MultipleChoice: the chosen choice ids
///  - Word/Numeric: one text per blank, in blank order
///  - Ordering: event ids in the order the student put them
///  - PickPage: the picked page id (one element)
///  - Reflection: the text (one element)
struct Answer {
    std::vector<std::string> parts;
};

/// The verdict on one answer.
struct Grade {
    bool graded = true;                ///< false for reflections, and for run checks that could not observe
    bool correct = false;              ///< every part right
    double earned = 0;                 ///< points earned: points * (right parts / parts) for blanks, else 0 or points
    int possible = 0;                  ///< the question's points (0 when !graded)
    std::vector<bool> partsCorrect;    ///< per blank (Word/Numeric); one element otherwise
    std::vector<std::string> expected; ///< the key as text, per blank / one element ("it depends", "msgsnd")
    std::string feedback;              ///< one line: "right", "2 of 4 blanks right", why it could not be graded
};

/// Grades `answer` against the question's own key. Pure; never throws for any answer text
/// (an unparsable number is simply wrong).
Grade grade(const Question& question, const Answer& answer);

/// Observed figures of a run, by name: "<phase>.<figure>" with phase one of startup, setup,
/// transfer, teardown, total and figure one of crossings, copies, bytes, bytes_user_to_kernel,
/// bytes_kernel_to_user. Built from a Summary by observedFigures() (run_check.h).
using ObservedFigures = std::map<std::string, double>;

/// Grades a run-checked question against what a run observed: each blank with `observed` set is
/// compared with that figure (using the blank's tolerance) instead of the predicted key; other
/// blanks use their key. When a needed figure is missing (the run was not traced) the grade is
/// !graded and `feedback` says which figure and that nothing was invented. Pure.
Grade gradeObserved(const Question& question, const Answer& answer, const ObservedFigures& figures);

/// `question` with the key of each blank graded on an observed figure replaced by that figure
/// (blanks whose figure is missing keep the lesson's prediction). For showing the key after a run.
Question withObservedKey(const Question& question, const ObservedFigures& figures);

/// Lower-cases, trims, and drops decorations students add to a function name: surrounding
/// quotes or backticks, a trailing "()", a man-page section "(2)". "`MsgSnd(2)`" -> "msgsnd".
std::string normaliseWord(std::string_view text);

/// Parses a numeric answer: "4096", "4,096", "1.5e3", "8 KiB" / "8K" / "1 MiB" (only when
/// `unit` is "bytes"), optionally followed by the unit itself. nullopt when it is not a number.
std::optional<double> parseNumber(std::string_view text, std::string_view unit);

/// Turns one line typed on a terminal into an Answer for `question`:
///  - choices: letters "b", "a c", "a,c" (case-insensitive)
///  - Word/Numeric with several blanks: parts separated by ',' or ';' (one part per blank)
///  - Ordering: letters of the presented events in the student's order, "c a b d" or "cabd"
///  - PickPage: the number of the listed page (1-based) or its id
///  - Reflection: the whole line
/// Returns nullopt with `why` set when the line does not fit the question (wrong count of parts,
/// unknown letter), so the caller can ask again without counting it as an attempt.
std::optional<Answer> parseAnswerLine(const Question& question, std::string_view line, std::string* why);

/// The key as a line a student could have typed (instructor key, "reveal answer").
std::string keyText(const Question& question);

} // namespace ipclab
