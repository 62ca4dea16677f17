#pragma once

#include "common/error.h"

#include <string_view>

namespace CLI {
class App;
class ParseError;
} // namespace CLI

namespace ipclab::cli {

/// Writes "ipclab-cli: <message>" to stderr. Everything the user must read goes through here so
/// that stdout stays clean for --json.
void printError(std::string_view message);

/// Prints `error` with its kind ("bad parameter: ...") and returns its exit code.
int reportError(const Error& error);

/// Turns a CLI11 parse failure into our conventions: help prints and exits 0, anything else is
/// "bad usage" naming the argument, exit 2 (never CLI11's own codes).
int reportParseError(const CLI::App& app, const CLI::ParseError& error);

} // namespace ipclab::cli
