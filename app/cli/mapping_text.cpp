#include "mapping_text.h"

#include "report/mapping_report.h"

#include <cstdio>
#include <map>

namespace ipclab::cli {

namespace {

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

void printOne(std::ostream& out, const std::string& name, const MappingSnapshot& m) {
    std::size_t present = 0;
    std::string frames;
    for (const PageInfo& page : m.pages) {
        present += page.present ? 1 : 0;
        frames += (frames.empty() ? "" : " ") + (page.pfn ? hex(*page.pfn) : std::string(page.present ? "?" : "-"));
    }
    out << "  " << name << " maps it at " << hex(m.start) << " to " << hex(m.start + m.length) << " (inode " << m.inode
        << ", offset " << m.offset << "): " << present << " of " << m.pages.size() << " pages present, "
        << m.minorFaults << " page faults so far\n";
    if (m.pfnsHidden) {
        out << "    frames: hidden: " << m.hiddenReason << "\n";
    } else {
        out << "    frames: " << frames << "\n";
    }
    if (m.smaps) {
        out << "    smaps: Rss " << m.smaps->rss << " B, Pss " << m.smaps->pss << " B, shared " << m.smaps->shared()
            << " B\n";
    }
}

} // namespace

void printMappings(std::ostream& out, const RunResult& result) {
    if (result.mappings.empty()) {
        return;
    }
    std::map<int, std::string> names;
    for (const ProcessOutcome& p : result.processes) {
        names[p.pid] = p.name;
    }
    out << "\nshared object, as each process saw it (/proc/PID/maps, pagemap, smaps):\n";
    for (const MappingSnapshot& m : result.mappings) {
        printOne(out, names.count(m.pid) ? names[m.pid] : "pid " + std::to_string(m.pid), m);
    }
    if (result.mappings.size() >= 2) {
        const MappingSnapshot& a = result.mappings[0];
        const MappingSnapshot& b = result.mappings[1];
        if (const auto same = pagesOnSameFrames(a, b)) {
            out << "  " << *same << " of " << a.pages.size() << " pages have the same frame in both, at "
                << (a.start == b.start ? "the same" : "different") << " virtual addresses\n";
        } else {
            out << "  frames hidden; the same inode (" << (a.inode == b.inode ? "yes" : "no")
                << ") and offset in both maps show it is one object\n";
        }
    }
}

} // namespace ipclab::cli
