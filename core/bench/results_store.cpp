#include "bench/results_store.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sys/utsname.h>
#include <tuple>
#include <unistd.h>

namespace ipclab::bench {

namespace {

constexpr int kStoreVersion = 1;

std::string readCpuModel() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.starts_with("model name")) {
            const auto colon = line.find(':');
            if (colon != std::string::npos && colon + 2 <= line.size()) {
                return line.substr(colon + 2);
            }
        }
    }
    return "unknown CPU";
}

template <typename T> T field(const nlohmann::json& json, const char* name) {
    if (!json.is_object() || !json.contains(name)) {
        throw Error(ErrorKind::BadParameter, std::string("bench result: field '") + name + "' is missing");
    }
    try {
        return json.at(name).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorKind::BadParameter, std::string("bench result: field '") + name + "' has the wrong type");
    }
}

using CellKey = std::tuple<std::string, std::uint64_t, int, int>;

CellKey keyOf(const BenchCell& cell) {
    return {cell.mechanism, cell.size, static_cast<int>(cell.mode), static_cast<int>(cell.placement)};
}

nlohmann::json readStore(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        return nlohmann::json::object();
    }
    try {
        nlohmann::json store = nlohmann::json::parse(in);
        if (!store.is_object() || store.value("version", 0) != kStoreVersion) {
            throw Error(ErrorKind::BadParameter, file.string() + ": not an ipclab bench results file (version " +
                                                     std::to_string(kStoreVersion) + ")");
        }
        return store;
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(ErrorKind::BadParameter, file.string() + ": not valid JSON: " + error.what());
    }
}

} // namespace

std::string MachineId::key() const {
    return hostname + " | " + cpuModel + " | " + kernel;
}

MachineId MachineId::current() {
    MachineId machine;
    utsname names{};
    if (::uname(&names) == 0) {
        machine.hostname = names.nodename;
        machine.kernel = names.release;
    }
    machine.cpuModel = readCpuModel();
    return machine;
}

nlohmann::json toJson(const BenchCell& cell) {
    nlohmann::json json{{"mechanism", cell.mechanism}, {"size", cell.size},
                        {"mode", modeName(cell.mode)}, {"placement", placementName(cell.placement)},
                        {"cpus", cell.cpus},           {"samples", cell.samples}};
    if (cell.measured()) {
        json.update({{"median_ns", cell.medianNs},
                     {"min_ns", cell.minNs},
                     {"max_ns", cell.maxNs},
                     {"p10_ns", cell.p10Ns},
                     {"p90_ns", cell.p90Ns}});
    } else {
        json["note"] = cell.limitNote; // no figures at all rather than zeros
    }
    return json;
}

nlohmann::json toJson(const BenchResult& result) {
    nlohmann::json cells = nlohmann::json::array();
    for (const BenchCell& cell : result.cells) {
        cells.push_back(toJson(cell));
    }
    return {{"started_unix", result.startedUnix},
            {"cancelled", result.cancelled},
            {"placement", placementName(result.spec.placement)},
            {"hybrid_threshold", result.spec.hybridThreshold},
            {"cells", cells}};
}

BenchCell cellFromJson(const nlohmann::json& json) {
    BenchCell cell;
    cell.mechanism = field<std::string>(json, "mechanism");
    cell.size = field<std::uint64_t>(json, "size");
    const auto mode = modeFromName(field<std::string>(json, "mode"));
    const auto placement = placementFromName(field<std::string>(json, "placement"));
    if (!mode || !placement) {
        throw Error(ErrorKind::BadParameter, "bench result: unknown mode or placement in a cell");
    }
    cell.mode = *mode;
    cell.placement = *placement;
    cell.cpus = field<std::string>(json, "cpus");
    cell.samples = field<int>(json, "samples");
    if (json.contains("note")) {
        cell.limitNote = field<std::string>(json, "note");
        cell.samples = 0;
        return cell;
    }
    cell.medianNs = field<double>(json, "median_ns");
    cell.minNs = field<double>(json, "min_ns");
    cell.maxNs = field<double>(json, "max_ns");
    cell.p10Ns = field<double>(json, "p10_ns");
    cell.p90Ns = field<double>(json, "p90_ns");
    return cell;
}

BenchResult resultFromJson(const nlohmann::json& json) {
    BenchResult result;
    result.startedUnix = field<std::int64_t>(json, "started_unix");
    result.cancelled = field<bool>(json, "cancelled");
    if (const auto placement = placementFromName(field<std::string>(json, "placement"))) {
        result.spec.placement = *placement;
    }
    result.spec.hybridThreshold = field<std::uint64_t>(json, "hybrid_threshold");
    for (const nlohmann::json& cell : field<nlohmann::json>(json, "cells")) {
        result.cells.push_back(cellFromJson(cell));
    }
    return result;
}

std::filesystem::path ResultsStore::defaultPath() {
    const char* dataHome = std::getenv("XDG_DATA_HOME");
    std::filesystem::path base;
    if (dataHome != nullptr && dataHome[0] == '/') {
        base = dataHome;
    } else {
        const char* home = std::getenv("HOME");
        base = std::filesystem::path(home != nullptr ? home : "/tmp") / ".local" / "share";
    }
    return base / "ipclab" / "bench-results.json";
}

ResultsStore::ResultsStore(std::filesystem::path file) : m_file(std::move(file)) {}

std::optional<BenchResult> ResultsStore::load(const MachineId& machine) const {
    const nlohmann::json store = readStore(m_file);
    const auto machines = store.find("machines");
    if (machines == store.end() || !machines->contains(machine.key())) {
        return std::nullopt;
    }
    return resultFromJson(machines->at(machine.key()).at("result"));
}

void ResultsStore::save(const MachineId& machine, const BenchResult& result) const {
    nlohmann::json store = readStore(m_file);
    store["version"] = kStoreVersion;
    BenchResult merged = result;
    if (auto kept = load(machine)) {
        std::map<CellKey, BenchCell> cells;
        for (BenchCell& cell : kept->cells) {
            cells[keyOf(cell)] = std::move(cell);
        }
        for (const BenchCell& cell : result.cells) {
            cells[keyOf(cell)] = cell; // measured again: the new figures replace the old
        }
        merged.cells.clear();
        for (auto& [key, cell] : cells) {
            merged.cells.push_back(std::move(cell));
        }
    }
    store["machines"][machine.key()] = {{"hostname", machine.hostname},
                                        {"cpu", machine.cpuModel},
                                        {"kernel", machine.kernel},
                                        {"result", toJson(merged)}};
    std::error_code ec;
    std::filesystem::create_directories(m_file.parent_path(), ec);
    AtomicFile file(m_file, "the bench results file");
    file.commit(store.dump(1));
}

} // namespace ipclab::bench
