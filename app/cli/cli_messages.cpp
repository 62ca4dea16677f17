#include "cli_messages.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

namespace ipclab::cli {

void printError(std::string_view message) {
    std::cerr << "ipclab-cli: " << message << std::endl;
}

int reportError(const Error& error) {
    printError(std::string(labelFor(error.kind())) + ": " + error.what());
    return exitCodeFor(error.kind());
}

int reportParseError(const CLI::App& app, const CLI::ParseError& error) {
    if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        // --help: asking for help is not a failure; CLI11 knows which command's help to print.
        return app.exit(error);
    }
    std::string message = error.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr && app.get_subcommands().empty() &&
        !app.remaining().empty()) {
        // A stray word before any command is almost always a misspelt command.
        message = "unknown command '" + app.remaining().front() + "'; the commands are: ";
        const std::vector<const CLI::App*> commands = app.get_subcommands({});
        for (std::size_t i = 0; i < commands.size(); ++i) {
            message += (i == 0 ? "" : ", ") + commands[i]->get_name();
        }
    }
    printError(std::string(labelFor(ErrorKind::BadUsage)) + ": " + message);
    printError("see 'ipclab-cli --help' or 'ipclab-cli COMMAND --help'");
    return exitCodeFor(ErrorKind::BadUsage);
}

} // namespace ipclab::cli
