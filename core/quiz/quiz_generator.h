#pragma once

#include "quiz/question.h"
#include "quiz/quiz.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ipclab {

/// A quiz with every template filled in for one seed.
struct GeneratedQuiz {
    std::string quizId;
    std::string title;
    int section = 0;
    std::uint64_t seed = 0;
    std::vector<Question> questions;
};

/// Fills in `quiz` for `seed`. Deterministic: the same quiz and seed give the same questions,
/// keys, presentation orders and run parameters on every machine (std::mt19937_64, seeded per
/// question from the seed and the question id, so editing one question does not change the
/// others). Throws Error(BadScenario) naming the file and question when an expression fails
/// for the drawn values (division by zero) or a run parameter comes out empty.
GeneratedQuiz generateQuiz(const Quiz& quiz, std::uint64_t seed);

/// Parses a seed as given on a command line: a decimal integer 0 .. 2^64-1. Throws
/// Error(BadUsage) naming the text otherwise.
std::uint64_t parseSeed(const std::string& text);

} // namespace ipclab
