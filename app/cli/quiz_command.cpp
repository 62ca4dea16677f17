#include "quiz_command.h"

#include "cli_messages.h"
#include "common/error.h"
#include "question_text.h"
#include "quiz/quiz_catalog.h"
#include "quiz_console.h"
#include "scenario/lesson_sections.h"
#include "scenario_source.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>
#include <random>
#include <unistd.h>

namespace ipclab::cli {

namespace {

QuizCatalog loadQuizzes(const std::vector<std::string>& extraDirs) {
    QuizCatalog catalog;
    catalog.addDirectory(defaultQuizDir());
    for (const std::string& dir : extraDirs) {
        std::error_code ec;
        if (const auto quizzes = std::filesystem::path(dir) / "quizzes"; std::filesystem::is_directory(quizzes, ec)) {
            catalog.addDirectory(quizzes);
        }
    }
    throwOnLoadErrors(catalog.errors(), "quiz files");
    return catalog;
}

const Quiz& findQuiz(const QuizCatalog& catalog, const std::string& id) {
    if (const Quiz* quiz = catalog.find(id)) {
        return *quiz;
    }
    std::string known;
    for (const Quiz& quiz : catalog.quizzes()) {
        known += (known.empty() ? "" : ", ") + quiz.id;
    }
    throw Error(ErrorKind::BadUsage,
                "unknown quiz '" + id + "'; the quizzes are: " + (known.empty() ? std::string("(none found)") : known));
}

int listQuizzes(const QuizCatalog& catalog, bool json) {
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const Quiz& quiz : catalog.quizzes()) {
            list.push_back({{"id", quiz.id},
                            {"title", quiz.title},
                            {"section", quiz.section},
                            {"summary", quiz.summary},
                            {"questions", quiz.questions.size()},
                            {"points", quiz.totalPoints()},
                            {"parametric", quiz.parametric()},
                            {"runs_scenarios", quiz.runsScenarios()},
                            {"source", quiz.sourcePath.string()}});
        }
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    int section = 0;
    for (const Quiz& quiz : catalog.quizzes()) {
        if (quiz.section != section) {
            section = quiz.section;
            std::cout << (&quiz == &catalog.quizzes().front() ? "" : "\n") << "§" << section << " "
                      << lessonSectionTitle(section) << "\n";
        }
        std::cout << "  " << quiz.id << ": " << quiz.title << " (" << quiz.questions.size()
                  << (quiz.questions.size() == 1 ? " question, " : " questions, ") << quiz.totalPoints() << " points"
                  << (quiz.parametric() ? ", drawn from --seed" : "")
                  << (quiz.runsScenarios() ? ", runs real scenarios" : "") << ")\n      " << quiz.summary << "\n";
    }
    return 0;
}

int printAnswers(const Quiz& quiz, std::uint64_t seed) {
    const GeneratedQuiz generated = generateQuiz(quiz, seed);
    std::cout << "Key to " << quiz.title << " (quiz " << quiz.id << ", seed " << seed << ")\n";
    for (std::size_t i = 0; i < generated.questions.size(); ++i) {
        const Question& question = generated.questions[i];
        printQuestion(std::cout, question, i + 1, generated.questions.size());
        if (question.livePages) {
            std::cout << "Key: the pages of the shared object, in a picture taken from a real run of "
                      << question.run->scenarioId << "\n";
            continue;
        }
        std::cout << "Key: " << typedKey(question) << "\n";
        if (question.runChecked()) {
            std::cout << "     (the lesson's prediction; 'quiz run' grades against what a real run of "
                      << question.run->scenarioId << " with";
            for (const auto& [name, value] : question.run->params) {
                std::cout << " " << name << "=" << value;
            }
            std::cout << " is observed doing)\n";
        }
    }
    return 0;
}

std::uint64_t randomSeed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

int takeQuiz(const Quiz& quiz, std::uint64_t seed, const std::vector<std::string>& extraDirs) {
    ProgressStore progress(ProgressStore::defaultPath());
    std::optional<ScenarioCatalog> scenarios;
    QuizAttempt attempt(generateQuiz(quiz, seed));
    QuizConsole console(std::cin, std::cout, ::isatty(STDIN_FILENO) == 1, progress, [&]() -> const ScenarioCatalog& {
        if (!scenarios) {
            scenarios = loadScenarios(extraDirs);
        }
        return *scenarios;
    });
    console.take(attempt);
    return 0;
}

int showProgress(bool reset, const std::string& quizId) {
    ProgressStore progress(ProgressStore::defaultPath());
    if (reset) {
        progress.reset(quizId);
        std::cout << (quizId.empty() ? "All progress" : "Progress in quiz " + quizId) << " forgotten.\n";
        return 0;
    }
    const auto sections = progress.bySection();
    if (sections.empty()) {
        std::cout << "No answers kept yet (" << progress.path().string() << ").\n";
    }
    for (const SectionProgress& entry : sections) {
        std::cout << "§" << entry.section << " " << lessonSectionTitle(entry.section) << ": " << entry.answered
                  << " answered, " << entry.correct << " right, " << entry.earned << " / " << entry.possible
                  << " points"
                  << (entry.reflections > 0 ? ", " + std::to_string(entry.reflections) + " reflection(s)" : "") << "\n";
    }
    return 0;
}

} // namespace

CLI::App* addQuizCommand(CLI::App& app, QuizOptions& options) {
    CLI::App* quiz = app.add_subcommand("quiz", "Take the lesson's quizzes; predict, then run the real thing");
    quiz->require_subcommand(1);
    options.list = quiz->add_subcommand("list", "List the quizzes, grouped by lesson section");
    options.list->add_flag("--json", options.json, "Print one JSON array instead of text");

    options.run = quiz->add_subcommand("run", "Take a quiz (answers from the terminal, or line by line from stdin)");
    options.run->add_option("quiz", options.quizId, "Quiz id, as shown by 'ipclab-cli quiz list'")
        ->type_name("ID")
        ->required();
    options.run->add_option("--seed", options.seed, "Draw the parametric questions from this seed (default: random)")
        ->type_name("N");

    options.answers = quiz->add_subcommand("answers", "Print the instructor's key for one quiz and seed");
    options.answers->add_option("quiz", options.quizId, "Quiz id")->type_name("ID")->required();
    options.answers->add_option("--seed", options.seed, "The seed the quiz was taken with")->type_name("N")->required();

    options.progress = quiz->add_subcommand("progress", "Show the answers kept, per lesson section");
    options.progress->add_flag("--reset", options.reset, "Forget the kept answers and scores");
    options.progress->add_option("--quiz", options.quizId, "With --reset: forget only this quiz")->type_name("ID");
    return quiz;
}

int runQuizCommand(const QuizOptions& options, const std::vector<std::string>& extraDirs) {
    if (options.progress->parsed()) {
        return showProgress(options.reset, options.quizId);
    }
    const QuizCatalog catalog = loadQuizzes(extraDirs);
    if (options.list->parsed()) {
        return listQuizzes(catalog, options.json);
    }
    const Quiz& quiz = findQuiz(catalog, options.quizId);
    if (options.answers->parsed()) {
        return printAnswers(quiz, parseSeed(options.seed));
    }
    const std::uint64_t seed = options.run->count("--seed") == 0 ? randomSeed() : parseSeed(options.seed);
    return takeQuiz(quiz, seed, extraDirs);
}

} // namespace ipclab::cli
