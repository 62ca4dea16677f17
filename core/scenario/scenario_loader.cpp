#include "scenario/scenario_loader.h"

#include "common/error.h"
#include "scenario/lesson_page_reader.h"
#include "scenario/lesson_sections.h"
#include "scenario/toml_table_reader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

namespace ipclab {

namespace {

constexpr std::int64_t kNoLimit = std::numeric_limits<std::int64_t>::max();

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isWord(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return isLowerAlnum(c) || c == '-' || c == '_'; });
}

bool isParamName(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

bool isUnit(std::string_view text) {
    return text == "bytes" || text == "count";
}

std::string elementPrefix(std::string_view array, std::size_t index) {
    return std::string(array) + "[" + std::to_string(index) + "].";
}

ProcessSpec readProcess(const toml::table& table, std::size_t index, const std::string& file) {
    TomlTableReader reader(table, elementPrefix("processes", index), file);
    reader.rejectUnknownKeys({"name", "role"});
    ProcessSpec process;
    process.name = reader.text("name");
    process.role = reader.name("role", isWord, "a worker role in lowercase letters, digits, '-' or '_' (\"client\")");
    return process;
}

ParamSpec readParam(const toml::table& table, std::size_t index, const std::string& file) {
    TomlTableReader reader(table, elementPrefix("params", index), file);
    reader.rejectUnknownKeys({"name", "label", "unit", "default", "min", "max", "help"});
    ParamSpec param;
    param.name = reader.name("name", isParamName, "a parameter name of lowercase letters and '_' (\"round_trips\")");
    param.label = reader.text("label");
    param.unit = reader.name("unit", isUnit, "\"bytes\" or \"count\"");
    param.help = reader.text("help");
    param.min = reader.integerIn("min", 0, kNoLimit, "an integer >= 0");
    param.max = reader.integerIn("max", param.min, kNoLimit, "an integer >= min (" + std::to_string(param.min) + ")");
    param.defaultValue = reader.integerIn("default", param.min, param.max,
                                          "an integer within min .. max (" + std::to_string(param.min) + " .. " +
                                              std::to_string(param.max) + ")");
    return param;
}

/// Names must be unique within a scenario: `--param size=` and "P1" must each mean one thing.
template <typename Spec>
void rejectDuplicateNames(const std::vector<Spec>& specs, const std::vector<const toml::table*>& tables,
                          std::string_view array, const std::string& file) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (specs[i].name == specs[j].name) {
                TomlTableReader(*tables[i], elementPrefix(array, i), file)
                    .failAt("name", "a name not already used by " + std::string(array) + "[" + std::to_string(j) + "]");
            }
        }
    }
}

Scenario readScenario(const toml::table& root, const std::string& file) {
    TomlTableReader reader(root, "", file);
    reader.rejectUnknownKeys(
        {"id", "title", "section", "mechanism", "pattern", "summary", "explanation", "processes", "params"});
    Scenario scenario;
    scenario.id =
        reader.name("id", isScenarioId, "an id of lowercase letters, digits and inner dashes (\"pipe-basics\")");
    scenario.idPosition = reader.positionOf("id");
    scenario.title = reader.text("title");
    scenario.section = static_cast<int>(
        reader.integerIn("section", kFirstLessonSection, kLastLessonSection, "a lesson section number from 1 to 23"));
    scenario.mechanism = reader.name("mechanism", isWord, "a mechanism name in lowercase (\"pipe\")");
    scenario.pattern = reader.name("pattern", isWord, "a pattern name in lowercase (\"request-response\")");
    scenario.summary = reader.text("summary");
    scenario.explanation = reader.text("explanation");

    const auto processTables = reader.tables("processes", 1, "at least one [[processes]] table with name and role");
    for (std::size_t i = 0; i < processTables.size(); ++i) {
        scenario.processes.push_back(readProcess(*processTables[i], i, file));
    }
    rejectDuplicateNames(scenario.processes, processTables, "processes", file);

    const auto paramTables = reader.tables("params", 0, "an array of [[params]] tables");
    for (std::size_t i = 0; i < paramTables.size(); ++i) {
        scenario.params.push_back(readParam(*paramTables[i], i, file));
    }
    rejectDuplicateNames(scenario.params, paramTables, "params", file);
    return scenario;
}

/// The text of `path`, or Error(BadScenario) naming it.
std::string readFileText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int errnum = errno;
        throw Error(ErrorKind::BadScenario,
                    path.string() + ": cannot read the scenario file: " + std::strerror(errnum));
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

toml::table parseToml(std::string_view text, const std::string& file) {
    try {
        return toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& error) {
        throw Error(ErrorKind::BadScenario,
                    locationText(file, error.source().begin) + ": not valid TOML: " + std::string(error.description()));
    }
}

} // namespace

Scenario parseScenario(std::string_view text, const std::filesystem::path& sourceName) {
    const std::string file = sourceName.string();
    Scenario scenario = readScenario(parseToml(text, file), file);
    scenario.sourcePath = sourceName;
    return scenario;
}

Scenario loadScenarioFile(const std::filesystem::path& path) {
    return parseScenario(readFileText(path), path);
}

CatalogEntry parseCatalogFile(std::string_view text, const std::filesystem::path& sourceName,
                              const std::filesystem::path& resourceDir, ExpectedFile expected) {
    const std::string file = sourceName.string();
    const toml::table root = parseToml(text, file);
    // The marker decides, so that a page cannot be half-read as a scenario with confusing errors.
    if (expected == ExpectedFile::Page || root.contains("kind")) {
        LessonPage page = readLessonPage(root, file, resourceDir);
        page.sourcePath = sourceName;
        return page;
    }
    Scenario scenario = readScenario(root, file);
    scenario.sourcePath = sourceName;
    return scenario;
}

CatalogEntry loadCatalogFile(const std::filesystem::path& path, const std::filesystem::path& resourceDir,
                             ExpectedFile expected) {
    return parseCatalogFile(readFileText(path), path, resourceDir, expected);
}

} // namespace ipclab
