#include "scenario/lesson_page_reader.h"

#include "common/error.h"
#include "scenario/lesson_sections.h"
#include "scenario/toml_table_reader.h"

#include <system_error>

namespace ipclab {

namespace {

/// A bare file name of an image Qt can draw: no folders, so a page cannot point outside the
/// places we search.
bool isImageName(std::string_view text) {
    const std::filesystem::path path(text);
    return !text.empty() && text.find('/') == std::string_view::npos && text.front() != '.' &&
           (path.extension() == ".svg" || path.extension() == ".png");
}

std::filesystem::path findImage(const std::string& name, const std::string& file,
                                const std::filesystem::path& resourceDir) {
    std::error_code ec;
    for (const std::filesystem::path& dir : {std::filesystem::path(file).parent_path(), resourceDir}) {
        const std::filesystem::path candidate = dir / name;
        if (!dir.empty() && std::filesystem::is_regular_file(candidate, ec)) {
            return candidate;
        }
    }
    return {};
}

std::vector<PageLink> readLinks(TomlTableReader& root, const std::string& file) {
    std::vector<PageLink> links;
    const auto tables = root.tables("links", 1, "at least one [[links]] table with the id of a related scenario");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        TomlTableReader reader(*tables[i], "links[" + std::to_string(i) + "].", file);
        reader.rejectUnknownKeys({"id", "note"});
        PageLink link;
        link.id = reader.name("id", isScenarioId, "the id of a scenario or page (\"pipe-request-response\")");
        link.position = reader.positionOf("id");
        if (tables[i]->contains("note")) {
            link.note = reader.text("note");
        }
        links.push_back(std::move(link));
    }
    return links;
}

} // namespace

LessonPage readLessonPage(const toml::table& root, const std::string& file, const std::filesystem::path& resourceDir) {
    TomlTableReader reader(root, "", file);
    reader.rejectUnknownKeys({"kind", "id", "title", "section", "summary", "text", "image", "links"});
    reader.name(
        "kind", [](std::string_view kind) { return kind == "page"; }, "\"page\"");
    LessonPage page;
    page.id = reader.name("id", isScenarioId, "an id of lowercase letters, digits and inner dashes (\"toy-shop\")");
    page.idPosition = reader.positionOf("id");
    page.title = reader.text("title");
    page.section = static_cast<int>(
        reader.integerIn("section", kFirstLessonSection, kLastLessonSection, "a lesson section number from 1 to 23"));
    page.summary = reader.text("summary");
    page.text = reader.text("text");
    if (root.contains("image")) {
        page.image = reader.name("image", isImageName, "the file name of a .svg or .png image (\"toy-shop.svg\")");
        page.imagePath = findImage(page.image, file, resourceDir);
        if (page.imagePath.empty()) {
            reader.failAt("image", "an image beside the page or in " + resourceDir.string());
        }
    }
    page.links = readLinks(reader, file);
    page.sourcePath = file;
    return page;
}

} // namespace ipclab
