#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// A tunable number of a scenario (message size, round trips), with its range.
struct ParamSpec {
    std::string name;  ///< key used on the command line: --param size=4096
    std::string label; ///< shown in the GUI: "Message size"
    std::string unit;  ///< "bytes" or "count"
    std::string help;
    std::int64_t defaultValue = 0;
    std::int64_t min = 0;
    std::int64_t max = 0;
};

/// Where something sits in a scenario file (1-based; 0 when unknown, e.g. a scenario built in code).
struct SourcePosition {
    int line = 0;
    int column = 0;
};

/// One child process of a scenario: its display name and the worker role it plays.
struct ProcessSpec {
    std::string name; ///< "P1"
    std::string role; ///< "client"
};

/// A scenario as an instructor writes it in scenarios/*.toml, validated.
struct Scenario {
    std::string id;          ///< "pipe-request-response"
    std::string title;       ///< "Request/response over a pipe"
    int section = 0;         ///< lesson section it teaches (LESSON.md)
    std::string mechanism;   ///< "pipe": which core/mechanisms unit runs it
    std::string pattern;     ///< "request-response": which exchange the workers perform
    std::string summary;     ///< one sentence for lists
    std::string explanation; ///< a few paragraphs: what to look at and why
    std::vector<ParamSpec> params;
    std::vector<ProcessSpec> processes;
    std::filesystem::path sourcePath;
    SourcePosition idPosition; ///< where `id` is written, so a duplicate id can be pointed at

    const ParamSpec* findParam(const std::string& name) const;
};

/// Resolved parameter values, every parameter of the scenario present.
using ParamValues = std::map<std::string, std::int64_t>;

/// Starts from the defaults and applies `overrides` ("size" -> "64KiB"). Throws Error(BadParameter)
/// naming the parameter, the value and the allowed range for an unknown name, a value that is
/// not a number, or one out of range. Accepts plain integers and the suffixes K, KiB, M, MiB.
ParamValues resolveParams(const Scenario& scenario, const std::map<std::string, std::string>& overrides);

/// "4 KiB", "1 MiB" or "1000 B" for bytes, the plain number for counts: how users see a value.
std::string formatParamValue(const ParamSpec& spec, std::int64_t value);

/// Parses "4096", "64K", "64KiB", "1M", "1MiB". Returns false when `text` is none of these.
bool parseQuantity(const std::string& text, std::int64_t& out);

/// True for an id of lowercase letters, digits and inner dashes ("pipe-basics"): the form every
/// scenario and page id takes, since ids end up in file names, object names and command lines.
bool isScenarioId(std::string_view text);

} // namespace ipclab
