#include "quiz/quiz_catalog.h"

#include "common/error.h"
#include "quiz/quiz_loader.h"
#include "scenario/scenario_catalog.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace ipclab {

void QuizCatalog::addDirectory(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".toml" && it->is_regular_file(ec)) {
            files.push_back(it->path());
        }
    }
    if (ec) {
        m_errors.push_back(dir.string() + ": cannot read the quiz folder: " + ec.message());
        return;
    }
    // Directory order is arbitrary; a fixed order makes "which duplicate wins" reproducible.
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
        try {
            Quiz quiz = loadQuizFile(file);
            if (const Quiz* earlier = find(quiz.id)) {
                m_errors.push_back(file.string() + ":" + std::to_string(quiz.idPosition.line) + ":" +
                                   std::to_string(quiz.idPosition.column) + ": field 'id': expected an id no " +
                                   "other quiz uses, got \"" + quiz.id + "\", already the id of " +
                                   earlier->sourcePath.string());
                continue;
            }
            m_quizzes.push_back(std::move(quiz));
        } catch (const Error& error) {
            m_errors.push_back(error.what());
        }
    }
    std::stable_sort(m_quizzes.begin(), m_quizzes.end(), [](const Quiz& a, const Quiz& b) {
        return a.section != b.section ? a.section < b.section : a.id < b.id;
    });
}

const Quiz* QuizCatalog::find(const std::string& id) const {
    const auto it = std::find_if(m_quizzes.begin(), m_quizzes.end(), [&](const Quiz& quiz) { return quiz.id == id; });
    return it == m_quizzes.end() ? nullptr : &*it;
}

std::filesystem::path defaultQuizDir() {
    if (const char* fromEnv = std::getenv("IPCLAB_QUIZZES"); fromEnv != nullptr && *fromEnv != '\0') {
        return fromEnv;
    }
    return defaultScenarioDir() / "quizzes";
}

} // namespace ipclab
