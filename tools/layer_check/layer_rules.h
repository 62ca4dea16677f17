#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ipclab::layers {

/// The floors of the house as tools/layers.txt states them: each folder and the folders it may
/// include, with the arrows followed (if A may include B and B may include C, A may include C).
class LayerRules {
public:
    /// Parses the rules text. Throws std::runtime_error naming the line on a malformed line, an
    /// arrow to a folder that has no line of its own, or a circle of arrows.
    static LayerRules parse(const std::string& text);

    /// The listed folder that holds `path` (the longest listed prefix), if any.
    std::optional<std::string> folderOf(const std::string& path) const;

    /// The listed folder an `#include "spelling"` names, trying each include root in turn.
    std::optional<std::string> folderOfInclude(const std::string& spelling) const;

    /// Whether code in `from` may include a header of `to`.
    bool allows(const std::string& from, const std::string& to) const;

    const std::vector<std::string>& roots() const { return m_roots; }

private:
    std::vector<std::string> m_roots;
    std::map<std::string, std::set<std::string>> m_reach; // folder -> every folder below it
};

/// One include that breaks a rule.
struct Violation {
    std::string file;
    int line = 0;
    std::string included;
    std::string from;
    std::string to;
};

/// The includes of one file's text that `rules` forbid; `path` is the file's path from the root.
std::vector<Violation> checkFile(const LayerRules& rules, const std::string& path, const std::string& text);

} // namespace ipclab::layers
