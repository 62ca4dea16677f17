#pragma once

#include "quiz/quiz.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ipclab {

/// The quizzes found in one or more folders. As with ScenarioCatalog, a file that fails
/// validation is kept out and its error kept in errors(), so one broken file hides no other.
class QuizCatalog {
public:
    /// Adds every *.toml in `dir` (not recursive), sorted by section then id. A duplicate id is
    /// an error naming both files.
    void addDirectory(const std::filesystem::path& dir);

    const std::vector<Quiz>& quizzes() const { return m_quizzes; }
    const std::vector<std::string>& errors() const { return m_errors; }
    const Quiz* find(const std::string& id) const;

private:
    std::vector<Quiz> m_quizzes;
    std::vector<std::string> m_errors;
};

/// Where the shipped quizzes are: $IPCLAB_QUIZZES if set, else the "quizzes" folder inside
/// defaultScenarioDir().
std::filesystem::path defaultQuizDir();

} // namespace ipclab
