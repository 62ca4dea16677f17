#include "layer_rules.h"

#include <functional>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace ipclab::layers {

namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string word; in >> word;) {
        out.push_back(word);
    }
    return out;
}

bool isUnder(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

} // namespace

LayerRules LayerRules::parse(const std::string& text) {
    LayerRules rules;
    std::map<std::string, std::vector<std::string>> direct;
    std::map<std::string, int> lineOf;
    std::istringstream in(text);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (const auto hash = line.find('#'); hash != std::string::npos) {
            line.erase(hash);
        }
        if (words(line).empty()) {
            continue;
        }
        const auto colon = line.find(':');
        const std::vector<std::string> head = words(line.substr(0, colon));
        if (colon == std::string::npos || head.size() != 1) {
            throw std::runtime_error("line " + std::to_string(number) + ": expected 'FOLDER: FOLDERS'");
        }
        if (head[0] == "root") {
            rules.m_roots = words(line.substr(colon + 1));
            continue;
        }
        if (direct.count(head[0]) != 0) {
            throw std::runtime_error("line " + std::to_string(number) + ": " + head[0] + " is listed twice");
        }
        direct[head[0]] = words(line.substr(colon + 1));
        lineOf[head[0]] = number;
    }
    for (const auto& [folder, below] : direct) {
        for (const std::string& target : below) {
            if (direct.count(target) == 0) {
                throw std::runtime_error("line " + std::to_string(lineOf[folder]) + ": " + folder + " points to " +
                                         target + ", which has no line of its own");
            }
        }
    }
    // Follow the arrows depth first; meeting a folder still on the path is a circle.
    std::set<std::string> onPath;
    std::function<const std::set<std::string>&(const std::string&)> reach =
        [&](const std::string& folder) -> const std::set<std::string>& {
        if (const auto done = rules.m_reach.find(folder); done != rules.m_reach.end()) {
            return done->second;
        }
        if (!onPath.insert(folder).second) {
            throw std::runtime_error("line " + std::to_string(lineOf[folder]) + ": " + folder +
                                     " is part of a circle of arrows");
        }
        std::set<std::string> all;
        for (const std::string& target : direct[folder]) {
            all.insert(target);
            const std::set<std::string>& further = reach(target);
            all.insert(further.begin(), further.end());
        }
        onPath.erase(folder);
        return rules.m_reach[folder] = std::move(all);
    };
    for (const auto& entry : direct) {
        reach(entry.first);
    }
    return rules;
}

std::optional<std::string> LayerRules::folderOf(const std::string& path) const {
    std::optional<std::string> best;
    for (const auto& entry : m_reach) {
        if (isUnder(path, entry.first) && (!best || entry.first.size() > best->size())) {
            best = entry.first;
        }
    }
    return best;
}

std::optional<std::string> LayerRules::folderOfInclude(const std::string& spelling) const {
    for (const std::string& root : m_roots) {
        if (auto folder = folderOf(root + "/" + spelling)) {
            return folder;
        }
    }
    return std::nullopt;
}

bool LayerRules::allows(const std::string& from, const std::string& to) const {
    if (from == to) {
        return true;
    }
    const auto entry = m_reach.find(from);
    return entry != m_reach.end() && entry->second.count(to) != 0;
}

std::vector<Violation> checkFile(const LayerRules& rules, const std::string& path, const std::string& text) {
    std::vector<Violation> found;
    const auto from = rules.folderOf(path);
    if (!from) {
        return found; // tests, benchmarks and tools may include any floor
    }
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::istringstream in(text);
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        std::smatch match;
        if (!std::regex_search(line, match, include)) {
            continue;
        }
        const std::string spelling = match[1];
        const auto to = rules.folderOfInclude(spelling);
        if (!to) {
            // A header of no listed folder: only a neighbour in the same folder may be named bare.
            if (spelling.find('/') != std::string::npos) {
                found.push_back({path, number, spelling, *from, "(no listed folder)"});
            }
            continue;
        }
        if (!rules.allows(*from, *to)) {
            found.push_back({path, number, spelling, *from, *to});
        }
    }
    return found;
}

} // namespace ipclab::layers
