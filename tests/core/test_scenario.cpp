#include "common/error.h"
#include "scenario/scenario.h"
#include "scenario/scenario_catalog.h"
#include "scenario/scenario_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ipclab {
namespace {

namespace fs = std::filesystem;

// A valid scenario, one field per line, so that a test can break line N and expect line N back.
const std::vector<std::string> kValidLines = {
    R"(id = "demo")",                         // 1
    R"(title = "Demo")",                      // 2
    R"(section = 4)",                         // 3
    R"(mechanism = "pipe")",                  // 4
    R"(pattern = "request-response")",        // 5
    R"(summary = "A demo.")",                 // 6
    R"(explanation = "Look at the kernel.")", // 7
    R"()",                                    // 8
    R"([[processes]])",                       // 9
    R"(name = "P1")",                         // 10
    R"(role = "client")",                     // 11
    R"()",                                    // 12
    R"([[params]])",                          // 13
    R"(name = "size")",                       // 14
    R"(label = "Message size")",              // 15
    R"(unit = "bytes")",                      // 16
    R"(default = 4096)",                      // 17
    R"(min = 1)",                             // 18
    R"(max = 1048576)",                       // 19
    R"(help = "Bytes per message.")",         // 20
};

std::string join(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += line + "\n";
    }
    return text;
}

/// The valid text with line `line` (1-based) replaced; an empty replacement blanks the line.
std::string withLine(std::size_t line, const std::string& replacement) {
    std::vector<std::string> lines = kValidLines;
    lines.at(line - 1) = replacement;
    return join(lines);
}

/// Parses `text` as "broken.toml" and returns the error message, failing when it loads.
std::string errorFor(const std::string& text) {
    try {
        parseScenario(text, "broken.toml");
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadScenario);
        return error.what();
    }
    ADD_FAILURE() << "the scenario loaded, but it should not have:\n" << text;
    return {};
}

TEST(ScenarioLoader, ValidTextLoadsEveryField) {
    const Scenario scenario = parseScenario(join(kValidLines), "demo.toml");
    EXPECT_EQ(scenario.id, "demo");
    EXPECT_EQ(scenario.title, "Demo");
    EXPECT_EQ(scenario.section, 4);
    EXPECT_EQ(scenario.mechanism, "pipe");
    EXPECT_EQ(scenario.pattern, "request-response");
    EXPECT_EQ(scenario.summary, "A demo.");
    EXPECT_EQ(scenario.explanation, "Look at the kernel.");
    EXPECT_EQ(scenario.sourcePath, fs::path("demo.toml"));
    EXPECT_EQ(scenario.idPosition.line, 1);
    ASSERT_EQ(scenario.processes.size(), 1U);
    EXPECT_EQ(scenario.processes[0].name, "P1");
    EXPECT_EQ(scenario.processes[0].role, "client");
    ASSERT_EQ(scenario.params.size(), 1U);
    const ParamSpec& size = scenario.params[0];
    EXPECT_EQ(size.name, "size");
    EXPECT_EQ(size.label, "Message size");
    EXPECT_EQ(size.unit, "bytes");
    EXPECT_EQ(size.defaultValue, 4096);
    EXPECT_EQ(size.min, 1);
    EXPECT_EQ(size.max, 1048576);
    EXPECT_EQ(size.help, "Bytes per message.");
    EXPECT_EQ(scenario.findParam("size"), &size);
    EXPECT_EQ(scenario.findParam("nope"), nullptr);
}

TEST(ScenarioLoader, ShippedRequestResponseScenarioLoads) {
    const Scenario scenario = loadScenarioFile(fs::path(IPCLAB_TEST_SCENARIO_DIR) / "pipe-request-response.toml");
    EXPECT_EQ(scenario.id, "pipe-request-response");
    EXPECT_EQ(scenario.section, 4);
    EXPECT_EQ(scenario.mechanism, "pipe");
    ASSERT_EQ(scenario.processes.size(), 2U);
    EXPECT_EQ(scenario.processes[0].role, "client");
    EXPECT_EQ(scenario.processes[1].role, "server");
    ASSERT_NE(scenario.findParam("size"), nullptr);
    ASSERT_NE(scenario.findParam("round_trips"), nullptr);
    EXPECT_FALSE(scenario.explanation.empty());
}

TEST(ScenarioLoader, EveryShippedFileLoads) {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(IPCLAB_TEST_SCENARIO_DIR)) {
        if (entry.path().extension() == ".toml") {
            SCOPED_TRACE(entry.path().string());
            EXPECT_NO_THROW(loadScenarioFile(entry.path()));
            ++count;
        }
    }
    EXPECT_GT(count, 0);
}

TEST(ScenarioLoader, SyntaxErrorNamesFileAndLine) {
    const std::string message = errorFor(withLine(3, "section = = 4"));
    EXPECT_NE(message.find("broken.toml:3:"), std::string::npos) << message;
    EXPECT_NE(message.find("TOML"), std::string::npos) << message;
}

TEST(ScenarioLoader, MissingTopLevelFieldIsNamed) {
    const std::string message = errorFor(withLine(2, ""));
    EXPECT_NE(message.find("broken.toml:1:1: field 'title' is missing"), std::string::npos) << message;
}

TEST(ScenarioLoader, MissingFieldInParamsPointsAtItsTable) {
    const std::string message = errorFor(withLine(15, ""));
    EXPECT_NE(message.find("broken.toml:13:1: field 'params[0].label' is missing"), std::string::npos) << message;
}

TEST(ScenarioLoader, WrongTypeNamesFieldExpectationAndValue) {
    const std::string message = errorFor(withLine(19, R"(max = "ten")"));
    EXPECT_NE(message.find("broken.toml:19:7: field 'params[0].max': expected an integer"), std::string::npos)
        << message;
    EXPECT_NE(message.find("got \"ten\""), std::string::npos) << message;
}

TEST(ScenarioLoader, OutOfRangeValuesAreRejected) {
    std::string message = errorFor(withLine(3, "section = 24"));
    EXPECT_NE(message.find("broken.toml:3:11: field 'section'"), std::string::npos) << message;
    EXPECT_NE(message.find("got 24"), std::string::npos) << message;

    message = errorFor(withLine(19, "max = 0"));
    EXPECT_NE(message.find("broken.toml:19:7: field 'params[0].max': expected an integer >= min (1)"),
              std::string::npos)
        << message;

    message = errorFor(withLine(17, "default = 2000000"));
    EXPECT_NE(message.find("broken.toml:17:11: field 'params[0].default'"), std::string::npos) << message;
}

TEST(ScenarioLoader, BadNamesAreRejected) {
    EXPECT_NE(errorFor(withLine(1, R"(id = "Demo_X")")).find("broken.toml:1:6: field 'id'"), std::string::npos);
    EXPECT_NE(errorFor(withLine(16, R"(unit = "kg")")).find("broken.toml:16:8: field 'params[0].unit'"),
              std::string::npos);
    EXPECT_NE(errorFor(withLine(14, R"(name = "Size")")).find("broken.toml:14:8: field 'params[0].name'"),
              std::string::npos);
    EXPECT_NE(errorFor(withLine(6, R"(summary = "  ")")).find("broken.toml:6:11: field 'summary'"), std::string::npos);
}

TEST(ScenarioLoader, UnknownKeysAreErrorsWithASuggestion) {
    std::string message = errorFor(withLine(2, R"(titel = "Demo")"));
    EXPECT_NE(message.find("broken.toml:2:1: unknown field 'titel'"), std::string::npos) << message;
    EXPECT_NE(message.find("did you mean 'title'"), std::string::npos) << message;

    message = errorFor(withLine(20, R"(help = "x")"
                                    "\nmaximum = 3"));
    EXPECT_NE(message.find("broken.toml:21:1: unknown field 'params[0].maximum'"), std::string::npos) << message;
}

TEST(ScenarioLoader, ProcessesMustBeANonEmptyArrayOfTables) {
    std::vector<std::string> lines = kValidLines;
    lines[8] = "processes = []";
    lines[9] = lines[10] = "";
    std::string message = errorFor(join(lines));
    EXPECT_NE(message.find("broken.toml:9:13: field 'processes': expected at least one"), std::string::npos) << message;

    lines[8] = R"(processes = ["P1"])";
    message = errorFor(join(lines));
    EXPECT_NE(message.find("broken.toml:9:14: field 'processes[0]'"), std::string::npos) << message;
}

TEST(ScenarioLoader, DuplicateParameterNamesAreRejected) {
    std::vector<std::string> lines = kValidLines;
    lines.insert(lines.end(), {"[[params]]", R"(name = "size")", R"(label = "Again")", R"(unit = "count")",
                               "default = 1", "min = 1", "max = 2", R"(help = "x")"});
    const std::string message = errorFor(join(lines));
    EXPECT_NE(message.find("broken.toml:22:8: field 'params[1].name'"), std::string::npos) << message;
}

TEST(ScenarioLoader, UnreadableFileNamesThePath) {
    try {
        loadScenarioFile("/nonexistent/ipclab/missing.toml");
        FAIL() << "loaded a file that does not exist";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadScenario);
        EXPECT_NE(std::string(error.what()).find("/nonexistent/ipclab/missing.toml"), std::string::npos);
    }
}

/// A fresh folder under /tmp, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "ipclab-test-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(m_path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }
    void write(const std::string& name, const std::string& text) const { std::ofstream(m_path / name) << text; }

private:
    fs::path m_path;
};

TEST(ScenarioCatalog, ShippedFolderHasNoErrorsAndTheDefaultScenario) {
    ScenarioCatalog catalog;
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    EXPECT_TRUE(catalog.errors().empty()) << catalog.errors().front();
    EXPECT_NE(catalog.find(kDefaultScenarioId), nullptr);
}

TEST(ScenarioCatalog, BrokenFileIsReportedAndOthersStillLoad) {
    TempDir dir;
    dir.write("good.toml", join(kValidLines));
    dir.write("bad.toml", withLine(19, R"(max = "ten")"));
    dir.write("notes.txt", "not a scenario");
    ScenarioCatalog catalog;
    catalog.addDirectory(dir.path());
    ASSERT_EQ(catalog.scenarios().size(), 1U);
    ASSERT_EQ(catalog.errors().size(), 1U);
    EXPECT_NE(catalog.errors()[0].find("bad.toml:19:7: field 'params[0].max'"), std::string::npos)
        << catalog.errors()[0];
}

TEST(ScenarioCatalog, DuplicateIdNamesBothFiles) {
    TempDir dir;
    dir.write("a.toml", join(kValidLines));
    dir.write("b.toml", withLine(2, R"(title = "Another demo")"));
    ScenarioCatalog catalog;
    catalog.addDirectory(dir.path());
    ASSERT_EQ(catalog.scenarios().size(), 1U);
    ASSERT_EQ(catalog.errors().size(), 1U);
    const std::string& message = catalog.errors()[0];
    EXPECT_NE(message.find("b.toml:1:6: field 'id'"), std::string::npos) << message;
    EXPECT_NE(message.find("a.toml"), std::string::npos) << message;
}

TEST(ScenarioCatalog, SortsBySectionThenId) {
    TempDir dir;
    dir.write("one.toml", withLine(1, R"(id = "zeta")"));
    dir.write("two.toml", withLine(1, R"(id = "alpha")"));
    std::string early = withLine(3, "section = 3");
    early.replace(early.find("\"demo\""), 6, "\"early\"");
    dir.write("three.toml", early);
    ScenarioCatalog catalog;
    catalog.addDirectory(dir.path());
    ASSERT_EQ(catalog.scenarios().size(), 3U);
    EXPECT_EQ(catalog.scenarios()[0].id, "early");
    EXPECT_EQ(catalog.scenarios()[1].id, "alpha");
    EXPECT_EQ(catalog.scenarios()[2].id, "zeta");
}

TEST(ScenarioCatalog, MissingFolderIsAnError) {
    ScenarioCatalog catalog;
    catalog.addDirectory("/nonexistent/ipclab-scenarios");
    ASSERT_EQ(catalog.errors().size(), 1U);
    EXPECT_NE(catalog.errors()[0].find("/nonexistent/ipclab-scenarios"), std::string::npos);
}

TEST(ScenarioCatalog, DefaultDirFollowsTheEnvironment) {
    ::setenv("IPCLAB_SCENARIOS", "/somewhere/else", 1);
    EXPECT_EQ(defaultScenarioDir(), fs::path("/somewhere/else"));
    ::unsetenv("IPCLAB_SCENARIOS");
    EXPECT_TRUE(fs::is_directory(defaultScenarioDir()));
}

} // namespace
} // namespace ipclab
