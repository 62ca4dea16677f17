// ipclab-cli: the headless runner. Each command lives in its own file; this one only wires
// them to the command line and maps every failure to DESIGN.md's exit codes.
#include "bench_command.h"
#include "cli_messages.h"
#include "ipcs_command.h"
#include "list_command.h"
#include "quiz_command.h"
#include "repeat_command.h"
#include "run_command.h"
#include "scenario_source.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace ipclab;
    using namespace ipclab::cli;

    CLI::App app{"Run the ipclab scenarios from a terminal: real processes, real system calls.", "ipclab-cli"};
    std::vector<std::string> extraDirs;
    app.add_option("--scenarios", extraDirs, "Also load the scenario files in DIR (repeatable)")
        ->type_name("DIR")
        ->allow_extra_args(false)
        ->check(CLI::ExistingDirectory);
    // At most one command; "no command" is reported below in our words, because CLI11 would
    // report it before noticing a misspelt command name, hiding the culprit.
    app.require_subcommand(0, 1);
    ListOptions listOptions;
    CLI::App* list = addListCommand(app, listOptions);
    RunOptions runOptions;
    CLI::App* run = addRunCommand(app, runOptions);
    IpcsOptions ipcsOptions;
    CLI::App* ipcs = addIpcsCommand(app, ipcsOptions);
    QuizOptions quizOptions;
    CLI::App* quiz = addQuizCommand(app, quizOptions);
    BenchOptions benchOptions;
    CLI::App* bench = addBenchCommand(app, benchOptions);
    RepeatOptions repeatOptions;
    CLI::App* repeat = addRepeatCommand(app, repeatOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return reportParseError(app, error);
    }

    if (!list->parsed() && !run->parsed() && !ipcs->parsed() && !quiz->parsed() && !bench->parsed() &&
        !repeat->parsed()) {
        return reportError(Error(ErrorKind::BadUsage,
                                 "no command given; the commands are: list, run, repeat, ipcs, quiz, bench "
                                 "(see 'ipclab-cli --help')"));
    }
    try {
        if (ipcs->parsed()) {
            return runIpcsCommand(ipcsOptions);
        }
        if (quiz->parsed()) {
            return runQuizCommand(quizOptions, extraDirs);
        }
        if (bench->parsed()) {
            return runBenchCommand(benchOptions);
        }
        const ScenarioCatalog catalog = loadScenarios(extraDirs);
        if (list->parsed()) {
            return runListCommand(listOptions, catalog);
        }
        if (repeat->parsed()) {
            return runRepeatCommand(repeatOptions, catalog);
        }
        return runRunCommand(runOptions, catalog);
    } catch (const Error& error) {
        return reportError(error);
    } catch (const std::exception& error) {
        printError(std::string("unexpected failure: ") + error.what());
        return 1;
    }
}
