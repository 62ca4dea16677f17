#include "observe/smaps_reader.h"

#include <fstream>
#include <sstream>

namespace ipclab {

namespace {

bool isMappingHeader(const std::string& line, std::uint64_t& start) {
    // Header lines start with "<hex>-<hex> "; field lines with "Name:".
    const auto dash = line.find('-');
    if (dash == std::string::npos || dash == 0 || line.find(':') < dash) {
        return false;
    }
    try {
        start = std::stoull(line.substr(0, dash), nullptr, 16);
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

void readField(const std::string& line, SmapsFigures& figures) {
    std::istringstream fields(line);
    std::string name;
    std::uint64_t kib = 0;
    if (!(fields >> name >> kib)) {
        return;
    }
    const std::uint64_t bytes = kib * 1024;
    if (name == "Size:") {
        figures.size = bytes;
    } else if (name == "Rss:") {
        figures.rss = bytes;
    } else if (name == "Pss:") {
        figures.pss = bytes;
    } else if (name == "Shared_Clean:") {
        figures.sharedClean = bytes;
    } else if (name == "Shared_Dirty:") {
        figures.sharedDirty = bytes;
    } else if (name == "Private_Clean:") {
        figures.privateClean = bytes;
    } else if (name == "Private_Dirty:") {
        figures.privateDirty = bytes;
    }
}

} // namespace

std::optional<SmapsFigures> parseSmapsFor(const std::string& text, std::uint64_t start) {
    std::istringstream lines(text);
    std::string line;
    std::optional<SmapsFigures> found;
    bool inside = false;
    while (std::getline(lines, line)) {
        std::uint64_t headerStart = 0;
        if (isMappingHeader(line, headerStart)) {
            if (inside) {
                break;
            }
            inside = headerStart == start;
            if (inside) {
                found = SmapsFigures{};
            }
        } else if (inside) {
            readField(line, *found);
        }
    }
    return found;
}

std::optional<SmapsFigures> readSmapsFor(int pid, std::uint64_t start) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps");
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseSmapsFor(text.str(), start);
}

} // namespace ipclab
