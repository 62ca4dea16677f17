#pragma once

#include "quiz/progress_store.h"
#include "quiz/quiz_attempt.h"
#include "quiz/run_check.h"
#include "scenario/scenario_catalog.h"

#include <functional>
#include <istream>
#include <optional>
#include <ostream>

namespace ipclab::cli {

/// Takes a quiz on a terminal or from a script: asks each question, reads answer lines from
/// `in` ("?" or "hint" for a hint, "skip" to give up a question), gives feedback with the
/// explanation, allows one retry, runs the scenario of predict-then-run questions, keeps every
/// answer and the score in `progress`, and prints the score at the end. With `interactive`
/// false (stdin is not a terminal) a line that is not an answer counts as a wrong try, so a
/// script's lines never shift onto the wrong question.
class QuizConsole {
public:
    QuizConsole(std::istream& in, std::ostream& out, bool interactive, ProgressStore& progress,
                std::function<const ScenarioCatalog&()> scenarios);

    /// Returns once the quiz is over or the input ends. Saves progress after every question.
    void take(QuizAttempt& attempt);

private:
    void askCurrent(QuizAttempt& attempt);
    /// Grades one typed line (running the scenario first for a run-checked question); nullopt
    /// when the line was not an answer and should simply be asked again.
    std::optional<QuizAttempt::Outcome> submitLine(QuizAttempt& attempt, const std::string& line,
                                                   std::optional<RunObservation>& observation);
    /// The key (observed, for a run-checked question), the explanation and where to look next.
    void reveal(const Question& question, const std::optional<RunObservation>& observation);
    bool readLine(std::string& line);
    void keep(const QuizAttempt& attempt, const Question& question, const std::string& typed,
              const QuizAttempt::Outcome& outcome);

    std::istream& m_in;
    std::ostream& m_out;
    bool m_interactive;
    ProgressStore& m_progress;
    std::function<const ScenarioCatalog&()> m_scenarios;
    bool m_inputEnded = false;
};

} // namespace ipclab::cli
