#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ipclab::cli {

struct QuizOptions {
    std::string quizId;
    std::string seed; ///< as typed; parsed by parseSeed() so a bad one is named in our words
    bool json = false;
    bool reset = false;
    CLI::App* list = nullptr;
    CLI::App* run = nullptr;
    CLI::App* answers = nullptr;
    CLI::App* progress = nullptr;
};

/// Declares `quiz list [--json]`, `quiz run ID [--seed N]`, `quiz answers ID --seed N` and
/// `quiz progress [--reset [--quiz ID]]` on `app`.
CLI::App* addQuizCommand(CLI::App& app, QuizOptions& options);

/// Runs the parsed quiz subcommand with the shipped quizzes plus DIR/quizzes of every extra
/// scenario folder. Returns the exit code; throws Error for bad input (unknown quiz, bad seed).
int runQuizCommand(const QuizOptions& options, const std::vector<std::string>& extraDirs);

} // namespace ipclab::cli
