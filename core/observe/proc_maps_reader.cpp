#include "observe/proc_maps_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ipclab {

std::vector<Mapping> parseMaps(const std::string& text) {
    std::vector<Mapping> maps;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string range;
        Mapping m;
        if (!(fields >> range >> m.perms >> std::hex >> m.offset >> m.device >> std::dec >> m.inode)) {
            continue;
        }
        const auto dash = range.find('-');
        if (dash == std::string::npos) {
            continue;
        }
        try {
            m.start = std::stoull(range.substr(0, dash), nullptr, 16);
            m.end = std::stoull(range.substr(dash + 1), nullptr, 16);
        } catch (const std::exception&) {
            continue;
        }
        std::getline(fields >> std::ws, m.path);
        maps.push_back(std::move(m));
    }
    return maps;
}

std::optional<std::vector<Mapping>> readMaps(int pid, std::string* why) {
    const std::string file = "/proc/" + std::to_string(pid) + "/maps";
    std::ifstream in(file);
    if (!in) {
        if (why != nullptr) {
            *why = "cannot read " + file + ": " + std::strerror(errno);
        }
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseMaps(text.str());
}

std::optional<Mapping> mappingAt(const std::vector<Mapping>& maps, std::uint64_t address) {
    for (const Mapping& m : maps) {
        if (address >= m.start && address < m.end) {
            return m;
        }
    }
    return std::nullopt;
}

} // namespace ipclab
