// Explanation pages: how they are validated, how their links are checked, and that the shipped
// scenarios and pages together cover every section of the lesson.
#include "common/error.h"
#include "scenario/lesson_sections.h"
#include "scenario/scenario_catalog.h"
#include "scenario/scenario_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace ipclab {
namespace {

namespace fs = std::filesystem;

// A valid page, one field per line, so that a test can break line N and expect line N back.
const std::vector<std::string> kValidPage = {
    R"(kind = "page")",                // 1
    R"(id = "demo-page")",             // 2
    R"(title = "Demo page")",          // 3
    R"(section = 2)",                  // 4
    R"(summary = "A page.")",          // 5
    R"(text = "First.\n\nSecond.")",   // 6
    R"(image = "toy-shop.svg")",       // 7
    R"()",                             // 8
    R"([[links]])",                    // 9
    R"(id = "pipe-request-response")", // 10
    R"(note = "Messages.")",           // 11
    R"()",                             // 12
    R"([[links]])",                    // 13
    R"(id = "posix-shm")",             // 14
};

std::string join(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
        text += line + "\n";
    }
    return text;
}

std::string withLine(std::size_t line, const std::string& replacement) {
    std::vector<std::string> lines = kValidPage;
    lines.at(line - 1) = replacement;
    return join(lines);
}

LessonPage parsePage(const std::string& text) {
    return std::get<LessonPage>(parseCatalogFile(text, "page.toml", IPCLAB_TEST_RESOURCE_DIR));
}

/// The error for `text` read as "broken.toml" (a page file), failing the test when it loads.
std::string errorFor(const std::string& text, ExpectedFile expected = ExpectedFile::ScenarioOrPage) {
    try {
        parseCatalogFile(text, "broken.toml", IPCLAB_TEST_RESOURCE_DIR, expected);
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadScenario);
        return error.what();
    }
    ADD_FAILURE() << "the page loaded, but it should not have:\n" << text;
    return {};
}

class TempFolder {
public:
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "ipclab-test-XXXXXX").string();
        m_path = ::mkdtemp(pattern.data());
    }
    ~TempFolder() { fs::remove_all(m_path); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return m_path; }
    void write(const fs::path& name, const std::string& text) const {
        fs::create_directories((m_path / name).parent_path());
        std::ofstream(m_path / name) << text;
    }

private:
    fs::path m_path;
};

std::string shippedScenario(const std::string& id) {
    std::ifstream in(fs::path(IPCLAB_TEST_SCENARIO_DIR) / (id + ".toml"));
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(LessonPage, ValidPageLoadsEveryField) {
    const LessonPage page = parsePage(join(kValidPage));
    EXPECT_EQ(page.id, "demo-page");
    EXPECT_EQ(page.title, "Demo page");
    EXPECT_EQ(page.section, 2);
    EXPECT_EQ(page.summary, "A page.");
    EXPECT_EQ(page.text, "First.\n\nSecond.");
    EXPECT_EQ(page.image, "toy-shop.svg");
    EXPECT_EQ(page.imagePath, fs::path(IPCLAB_TEST_RESOURCE_DIR) / "toy-shop.svg");
    EXPECT_EQ(page.idPosition.line, 2);
    ASSERT_EQ(page.links.size(), 2U);
    EXPECT_EQ(page.links[0].id, "pipe-request-response");
    EXPECT_EQ(page.links[0].note, "Messages.");
    EXPECT_EQ(page.links[0].position.line, 10);
    EXPECT_EQ(page.links[1].note, "") << "a note is optional";
}

TEST(LessonPage, AFileWithoutKindIsAScenario) {
    const CatalogEntry entry =
        parseCatalogFile(shippedScenario("pipe-request-response"), "s.toml", IPCLAB_TEST_RESOURCE_DIR);
    ASSERT_TRUE(std::holds_alternative<Scenario>(entry));
    EXPECT_EQ(std::get<Scenario>(entry).id, "pipe-request-response");
}

TEST(LessonPage, UnknownKeyIsRejectedWithPlaceAndSuggestion) {
    const std::string message = errorFor(withLine(6, R"(txt = "First.")"));
    EXPECT_NE(message.find("broken.toml:6:1: unknown field 'txt'"), std::string::npos) << message;
    EXPECT_NE(message.find("did you mean 'text'"), std::string::npos) << message;
    const std::string inLink = errorFor(join(kValidPage) + "colour = \"red\"\n");
    EXPECT_NE(inLink.find("broken.toml:15:1: unknown field 'links[1].colour'"), std::string::npos) << inLink;
}

TEST(LessonPage, MissingTextIsNamed) {
    const std::string message = errorFor(withLine(6, ""));
    EXPECT_NE(message.find("broken.toml:1:1: field 'text' is missing"), std::string::npos) << message;
    EXPECT_NE(errorFor(withLine(6, R"(text = "  ")")).find("broken.toml:6:8: field 'text'"), std::string::npos);
}

TEST(LessonPage, KindMustBePage) {
    const std::string message = errorFor(withLine(1, R"(kind = "quiz")"));
    EXPECT_NE(message.find("broken.toml:1:8: field 'kind': expected \"page\""), std::string::npos) << message;
    // In scenarios/pages/ the marker is required, so a stray scenario there is not taken for one.
    const std::string unmarked = errorFor(withLine(1, ""), ExpectedFile::Page);
    EXPECT_NE(unmarked.find("field 'kind' is missing"), std::string::npos) << unmarked;
}

TEST(LessonPage, ImageMustBeFoundAndPlain) {
    std::string message = errorFor(withLine(7, R"(image = "missing.svg")"));
    EXPECT_NE(message.find("broken.toml:7:9: field 'image'"), std::string::npos) << message;
    EXPECT_NE(message.find(IPCLAB_TEST_RESOURCE_DIR), std::string::npos) << message;
    message = errorFor(withLine(7, R"(image = "../etc/passwd.png")"));
    EXPECT_NE(message.find("broken.toml:7:9: field 'image'"), std::string::npos) << message;
    message = errorFor(withLine(7, R"(image = "notes.txt")"));
    EXPECT_NE(message.find("a .svg or .png"), std::string::npos) << message;
}

TEST(LessonPage, LinksNeedAnIdOfTheRightForm) {
    std::string message = errorFor(withLine(10, R"(id = "Pipe Request")"));
    EXPECT_NE(message.find("broken.toml:10:6: field 'links[0].id'"), std::string::npos) << message;
    std::vector<std::string> lines(kValidPage.begin(), kValidPage.begin() + 7);
    message = errorFor(join(lines));
    EXPECT_NE(message.find("field 'links' is missing"), std::string::npos) << message;
}

TEST(LessonPageCatalog, LinkToAnUnknownIdIsAnErrorNamingFileAndLine) {
    TempFolder dir;
    dir.write("pages/lost.toml", withLine(14, R"(id = "no-such-scenario")"));
    ScenarioCatalog catalog(IPCLAB_TEST_RESOURCE_DIR);
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    catalog.addDirectory(dir.path());
    ASSERT_EQ(catalog.errors().size(), 1U);
    const std::string& message = catalog.errors()[0];
    const std::string where = (dir.path() / "pages" / "lost.toml").string() + ":14:6: field 'links[1].id'";
    EXPECT_NE(message.find(where), std::string::npos) << message;
    EXPECT_NE(message.find("\"no-such-scenario\""), std::string::npos) << message;
    EXPECT_EQ(catalog.findPage("demo-page"), nullptr) << "a page with a broken link must be kept out";
}

TEST(LessonPageCatalog, LinksResolveWithinTheFolderInAnyOrder) {
    TempFolder dir;
    std::string scenario = shippedScenario("pipe-request-response");
    scenario.replace(scenario.find("\"pipe-request-response\""), 23, "\"zz-late-scenario\"");
    dir.write("zz.toml", scenario);
    std::vector<std::string> lines = kValidPage;
    lines[9] = R"(id = "zz-late-scenario")";
    lines[13] = R"(id = "other-page")";
    dir.write("aa.toml", join(lines)); // read before the scenario and the page it names
    std::string other = withLine(2, R"(id = "other-page")");
    dir.write("pages/other.toml", other);
    ScenarioCatalog catalog(IPCLAB_TEST_RESOURCE_DIR);
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    catalog.addDirectory(dir.path());
    EXPECT_TRUE(catalog.errors().empty()) << catalog.errors().front();
    EXPECT_NE(catalog.findPage("demo-page"), nullptr);
    EXPECT_NE(catalog.findPage("other-page"), nullptr);
    EXPECT_NE(catalog.find("zz-late-scenario"), nullptr);
}

TEST(LessonPageCatalog, PageAndScenarioCannotShareAnId) {
    TempFolder dir;
    dir.write("pages/clash.toml", withLine(2, R"(id = "pipe-request-response")"));
    ScenarioCatalog catalog(IPCLAB_TEST_RESOURCE_DIR);
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    catalog.addDirectory(dir.path());
    ASSERT_EQ(catalog.errors().size(), 1U);
    EXPECT_NE(catalog.errors()[0].find("clash.toml:2:6: field 'id'"), std::string::npos) << catalog.errors()[0];
    EXPECT_NE(catalog.errors()[0].find("pipe-request-response.toml"), std::string::npos) << catalog.errors()[0];
}

TEST(LessonPageCatalog, EveryShippedScenarioAndPageFileLoads) {
    int pages = 0;
    for (const auto& [folder, expected] :
         {std::pair{fs::path(IPCLAB_TEST_SCENARIO_DIR), ExpectedFile::ScenarioOrPage},
          std::pair{fs::path(IPCLAB_TEST_SCENARIO_DIR) / "pages", ExpectedFile::Page}}) {
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() != ".toml") {
                continue;
            }
            SCOPED_TRACE(entry.path().string());
            try {
                pages += std::holds_alternative<LessonPage>(
                    loadCatalogFile(entry.path(), IPCLAB_TEST_RESOURCE_DIR, expected));
            } catch (const Error& error) {
                ADD_FAILURE() << error.what();
            }
        }
    }
    EXPECT_GT(pages, 0);
    // Loaded together, every link of every page names something that exists.
    ScenarioCatalog catalog(IPCLAB_TEST_RESOURCE_DIR);
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    for (const std::string& error : catalog.errors()) {
        ADD_FAILURE() << error;
    }
    EXPECT_EQ(static_cast<int>(catalog.pages().size()), pages);
    const LessonPage* toyShop = catalog.findPage("toy-shop-metaphor");
    ASSERT_NE(toyShop, nullptr);
    EXPECT_EQ(toyShop->section, 2);
    EXPECT_FALSE(toyShop->imagePath.empty());
}

TEST(LessonPageCatalog, EverySectionHasAScenarioOrAPage) {
    ScenarioCatalog catalog(IPCLAB_TEST_RESOURCE_DIR);
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    std::set<int> covered;
    for (const Scenario& scenario : catalog.scenarios()) {
        covered.insert(scenario.section);
    }
    for (const LessonPage& page : catalog.pages()) {
        covered.insert(page.section);
    }
    // The lesson's quizzes span two sections each; either number covers the pair.
    for (const auto& [first, second] : {std::pair{7, 8}, std::pair{16, 17}}) {
        if (covered.count(first) + covered.count(second) > 0) {
            covered.insert({first, second});
        }
    }
    for (int section = kFirstLessonSection; section <= kLastLessonSection; ++section) {
        EXPECT_EQ(covered.count(section), 1U)
            << "§" << section << " " << lessonSectionTitle(section) << " has no scenario and no page";
    }
}

} // namespace
} // namespace ipclab
