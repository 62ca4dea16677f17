#pragma once

#include "bench/bench_engine.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace ipclab::bench {

/// The machine figures were measured on: they hold for it alone.
struct MachineId {
    std::string hostname;
    std::string cpuModel; ///< "model name" from /proc/cpuinfo, or "unknown CPU" when it is not there
    std::string kernel;   ///< uname -r

    /// "hostname | cpu | kernel": the key in the store.
    std::string key() const;
    static MachineId current();
};

/// A result as JSON (the store's format and `ipclab-cli bench --json`'s "cells").
nlohmann::json toJson(const BenchCell& cell);
nlohmann::json toJson(const BenchResult& result);
/// Throws Error(BadParameter) naming the field when the JSON is not a bench result.
BenchCell cellFromJson(const nlohmann::json& json);
BenchResult resultFromJson(const nlohmann::json& json);

/// Results kept per machine in one JSON file, so a chart opens instantly next time. Not
/// thread-safe; one store per thread.
class ResultsStore {
public:
    /// $XDG_DATA_HOME/ipclab/bench-results.json, or ~/.local/share/ipclab/bench-results.json.
    static std::filesystem::path defaultPath();

    explicit ResultsStore(std::filesystem::path file = defaultPath());
    const std::filesystem::path& file() const { return m_file; }

    /// The latest result kept for `machine`, nullopt when none (or the file is missing).
    /// Throws Error(BadParameter) naming the file when it exists but is not ours.
    std::optional<BenchResult> load(const MachineId& machine) const;
    /// Keeps `result` for `machine`, merged over what was kept: a cell measured again (same
    /// mechanism, size, mode, placement) replaces the old one. Writes a temporary file and renames
    /// it, so a crash never leaves half a file. Throws Error(SystemError) naming the file.
    void save(const MachineId& machine, const BenchResult& result) const;

private:
    std::filesystem::path m_file;
};

} // namespace ipclab::bench
