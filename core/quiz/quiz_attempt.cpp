#include "quiz/quiz_attempt.h"

#include <stdexcept>

namespace ipclab {

QuizAttempt::QuizAttempt(GeneratedQuiz quiz) : m_quiz(std::move(quiz)) {}

const Question& QuizAttempt::current() const {
    if (finished()) {
        throw std::logic_error("QuizAttempt::current() after the last question");
    }
    return m_quiz.questions[m_index];
}

void QuizAttempt::replaceCurrent(Question question) {
    if (finished()) {
        throw std::logic_error("QuizAttempt::replaceCurrent() after the last question");
    }
    m_quiz.questions[m_index] = std::move(question);
}

std::optional<std::string> QuizAttempt::nextHint() {
    const Question& question = current();
    if (m_hintsShown >= static_cast<int>(question.hints.size())) {
        return std::nullopt;
    }
    return question.hints[static_cast<std::size_t>(m_hintsShown++)];
}

QuizAttempt::Outcome QuizAttempt::submit(const Answer& answer, const ObservedFigures* figures) {
    const Question& question = current();
    if (m_done) {
        throw std::logic_error("QuizAttempt::submit() on a question already done");
    }
    Outcome outcome;
    outcome.grade = figures != nullptr ? gradeObserved(question, answer, *figures) : grade(question, answer);
    ++m_tries;
    // An ungraded answer (reflection, unobservable run) cannot be improved by trying again.
    outcome.retryAllowed = outcome.grade.graded && !outcome.grade.correct && m_tries < kMaxTries;
    outcome.done = !outcome.retryAllowed;
    if (outcome.done) {
        m_done = true;
        m_earned += outcome.grade.earned;
        m_possible += outcome.grade.possible;
        m_grades.push_back(outcome.grade);
    }
    return outcome;
}

QuizAttempt::Outcome QuizAttempt::skip() {
    const Question& question = current();
    Outcome outcome;
    outcome.grade.graded = question.graded();
    outcome.grade.possible = question.graded() ? question.points : 0;
    outcome.grade.feedback = "skipped";
    outcome.done = true;
    m_done = true;
    m_possible += outcome.grade.possible;
    m_grades.push_back(outcome.grade);
    return outcome;
}

void QuizAttempt::advance() {
    if (!m_done) {
        throw std::logic_error("QuizAttempt::advance() before the question is done");
    }
    ++m_index;
    m_tries = 0;
    m_hintsShown = 0;
    m_done = false;
}

} // namespace ipclab
