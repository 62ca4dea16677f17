#pragma once

#include "quiz/grader.h"
#include "quiz/quiz_generator.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// The rules of taking a quiz, shared by the CLI and the GUI so they behave alike: questions in
/// order, hints one at a time on request, one retry after a wrong answer (two tries in all),
/// then the explanation and the next question; the score adds up what was earned. It holds no
/// I/O and runs no scenario: for a run-checked question the caller runs it (runQuestionScenario)
/// and submits with the observation's figures. Plain value; not thread-safe.
class QuizAttempt {
public:
    static constexpr int kMaxTries = 2;

    explicit QuizAttempt(GeneratedQuiz quiz);

    const GeneratedQuiz& quiz() const { return m_quiz; }
    bool finished() const { return m_index >= m_quiz.questions.size(); }
    std::size_t index() const { return m_index; }
    /// The question being asked. Precondition: !finished().
    const Question& current() const;
    /// Replaces the current question (a live pick-page picture filled from a run).
    void replaceCurrent(Question question);

    /// The next hint for the current question, or nullopt when all were shown.
    std::optional<std::string> nextHint();
    int hintsShown() const { return m_hintsShown; }

    /// What submit() decided.
    struct Outcome {
        Grade grade;
        bool retryAllowed = false; ///< wrong, and a try is left: ask again, the question stays
        bool done = false;         ///< the question is over: show the explanation, then advance()
    };
    /// Grades `answer` for the current question; with `figures`, against the observed run
    /// (gradeObserved). A retry that is right earns the question's points like a first try.
    Outcome submit(const Answer& answer, const ObservedFigures* figures = nullptr);
    /// Gives up the current question (no points) and marks it done.
    Outcome skip();
    int tries() const { return m_tries; }
    /// Moves to the next question. Precondition: the current one is done.
    void advance();

    double earned() const { return m_earned; }
    int possible() const { return m_possible; }
    /// The final grade of each question done so far, in order.
    const std::vector<Grade>& grades() const { return m_grades; }

private:
    GeneratedQuiz m_quiz;
    std::size_t m_index = 0;
    int m_tries = 0;
    int m_hintsShown = 0;
    bool m_done = false;
    double m_earned = 0;
    int m_possible = 0;
    std::vector<Grade> m_grades;
};

} // namespace ipclab
