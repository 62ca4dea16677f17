#pragma once

#include "quiz/quiz.h"

#include <filesystem>
#include <string_view>

namespace ipclab {

/// Loads and validates one quiz file. Unknown keys, missing fields, wrong types, keys that do
/// not fit the question's kind, templates naming unknown variables, and bad expressions are all
/// rejected with Error(BadScenario) naming "file:line:column", the field path
/// ("questions[2].blanks[0].accepted") and what was expected.
Quiz loadQuizFile(const std::filesystem::path& path);

/// Same, from text already in memory; `sourceName` stands for the file in messages.
Quiz parseQuiz(std::string_view text, const std::filesystem::path& sourceName);

} // namespace ipclab
