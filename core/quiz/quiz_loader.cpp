#include "quiz/quiz_loader.h"

#include "common/error.h"
#include "quiz/observed_names.h"
#include "quiz/question_reader.h"
#include "quiz/quiz_expression.h"
#include "quiz/quiz_field_reader.h"
#include "scenario/lesson_sections.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ipclab {

namespace {

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isQuizId(std::string_view text) {
    return !text.empty() && isLowerAlnum(text.front()) && isLowerAlnum(text.back()) &&
           std::all_of(text.begin(), text.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

Quiz readQuiz(const toml::table& root, const std::string& file) {
    QuizFieldReader reader(root, "", file);
    reader.rejectUnknownKeys({"id", "title", "section", "summary", "questions"});
    Quiz quiz;
    quiz.id =
        reader.base().name("id", isQuizId, "an id of lowercase letters, digits and inner dashes (\"ipc-comparison\")");
    quiz.idPosition = reader.positionOf("id");
    quiz.title = reader.text("title");
    quiz.section = static_cast<int>(
        reader.integerIn("section", kFirstLessonSection, kLastLessonSection, "a lesson section number from 1 to 23"));
    quiz.summary = reader.text("summary");
    const auto tables = reader.base().tables("questions", 1, "at least one [[questions]] table");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        QuizFieldReader questionReader(*tables[i], "questions[" + std::to_string(i) + "].", file);
        QuestionSpec question = readQuestion(questionReader);
        for (std::size_t j = 0; j < quiz.questions.size(); ++j) {
            if (quiz.questions[j].id == question.id) {
                questionReader.failAt("id", "an id not already used by questions[" + std::to_string(j) + "]");
            }
        }
        quiz.questions.push_back(std::move(question));
    }
    return quiz;
}

} // namespace

Quiz parseQuiz(std::string_view text, const std::filesystem::path& sourceName) {
    const std::string file = sourceName.string();
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& error) {
        throw Error(ErrorKind::BadScenario,
                    locationText(file, error.source().begin) + ": not valid TOML: " + std::string(error.description()));
    }
    Quiz quiz = readQuiz(root, file);
    quiz.sourcePath = sourceName;
    return quiz;
}

Quiz loadQuizFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int errnum = errno;
        throw Error(ErrorKind::BadScenario, path.string() + ": cannot read the quiz file: " + std::strerror(errnum));
    }
    std::ostringstream content;
    content << in.rdbuf();
    return parseQuiz(content.str(), path);
}

} // namespace ipclab
