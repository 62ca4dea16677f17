#pragma once

#include "scenario/scenario.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ipclab {

/// A pointer from an explanation page to a scenario (or another page) that shows what it says.
struct PageLink {
    std::string id;          ///< the scenario or page it leads to, checked when the catalogue loads
    std::string note;        ///< why to go there ("the shared workbench: two processes map one object"); may be empty
    SourcePosition position; ///< where `id` is written, so an unknown id can be pointed at
};

/// An explanation page: lesson text for a section that has no experiment of its own (or that
/// needs words more than processes), written as `kind = "page"` in scenarios/pages/*.toml.
/// It cannot be run; it links to the scenarios that can.
struct LessonPage {
    std::string id;                  ///< "toy-shop-metaphor"; shares one namespace with scenario ids
    std::string title;               ///< "The toy shop"
    int section = 0;                 ///< lesson section it explains (LESSON.md)
    std::string summary;             ///< one sentence for lists
    std::string text;                ///< a few paragraphs, separated by blank lines
    std::string image;               ///< file name as written ("toy-shop.svg"), or empty
    std::filesystem::path imagePath; ///< where that file was found, or empty
    std::vector<PageLink> links;
    std::filesystem::path sourcePath;
    SourcePosition idPosition;
};

} // namespace ipclab
