#include "report/mapping_report.h"

namespace ipclab {

namespace {

nlohmann::json pageJson(const PageInfo& page, bool writesTracked) {
    nlohmann::json row{{"address", page.address}, {"present", page.present}};
    row["pfn"] = page.pfn ? nlohmann::json(*page.pfn) : nlohmann::json(nullptr);
    row["first_present_ns"] = page.firstPresentNs ? nlohmann::json(*page.firstPresentNs) : nlohmann::json(nullptr);
    row["written_by_this_process"] = writesTracked ? nlohmann::json(page.softDirty) : nlohmann::json(nullptr);
    return row;
}

} // namespace

nlohmann::json mappingsJson(const std::vector<MappingSnapshot>& mappings, const std::map<int, std::string>& names) {
    nlohmann::json list = nlohmann::json::array();
    for (const MappingSnapshot& m : mappings) {
        nlohmann::json pages = nlohmann::json::array();
        for (const PageInfo& page : m.pages) {
            pages.push_back(pageJson(page, m.writesTracked));
        }
        const auto name = names.find(m.pid);
        nlohmann::json entry{{"pid", m.pid},
                             {"process", name == names.end() ? nlohmann::json(nullptr) : nlohmann::json(name->second)},
                             {"object", m.object},
                             {"start", m.start},
                             {"length", m.length},
                             {"inode", m.inode},
                             {"offset", m.offset},
                             {"minor_faults", m.minorFaults},
                             {"pfns_hidden", m.pfnsHidden},
                             {"pages", pages}};
        nlohmann::json fields = nlohmann::json::array();
        for (const RegionField& field : m.fields) {
            fields.push_back({{"name", field.name}, {"offset", field.offset}, {"length", field.length}});
        }
        entry["fields"] = std::move(fields);
        entry["pfn_hidden_reason"] = m.pfnsHidden ? nlohmann::json(m.hiddenReason) : nlohmann::json(nullptr);
        entry["smaps"] =
            m.smaps ? nlohmann::json{{"rss", m.smaps->rss}, {"pss", m.smaps->pss}, {"shared", m.smaps->shared()}}
                    : nlohmann::json(nullptr);
        list.push_back(std::move(entry));
    }
    return list;
}

std::optional<std::size_t> pagesOnSameFrames(const MappingSnapshot& a, const MappingSnapshot& b) {
    if (a.pfnsHidden || b.pfnsHidden) {
        return std::nullopt;
    }
    std::size_t same = 0;
    for (std::size_t i = 0; i < std::min(a.pages.size(), b.pages.size()); ++i) {
        same += a.pages[i].pfn && b.pages[i].pfn && *a.pages[i].pfn == *b.pages[i].pfn ? 1 : 0;
    }
    return same;
}

} // namespace ipclab
