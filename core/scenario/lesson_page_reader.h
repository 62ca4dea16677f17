#pragma once

#include "scenario/lesson_page.h"

#include <toml++/toml.h>

#include <filesystem>
#include <string>

namespace ipclab {

/// Reads and validates an explanation page from a parsed file. `resourceDir` is ipclab's folder
/// of images, searched after the page's own folder for `image`. Throws Error(BadScenario) naming
/// file:line:column and the field. Links are only checked for form here; whether their ids
/// exist is the catalogue's business, since it alone knows every id.
/// Internal to core/scenario: it exposes toml++ types.
LessonPage readLessonPage(const toml::table& root, const std::string& file, const std::filesystem::path& resourceDir);

} // namespace ipclab
