#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

/// What the first worker of a counter scenario found at the end (§13): the final value against
/// the N x K increments made. One place for the report's format, written by the worker and read
/// back by the session's callers.
struct CounterOutcome {
    std::int64_t total = 0;
    std::int64_t processes = 0;
    std::int64_t increments = 0;

    std::int64_t expected() const { return processes * increments; }
    std::int64_t lost() const { return expected() - total; }
};

/// "counter = T after N x K increments (expected E): L updates lost, guarded by OBJECT".
std::string counterReport(const CounterOutcome& outcome, const std::string& guardedBy);
/// The outcome in a report written by counterReport(), or nullopt for any other text.
std::optional<CounterOutcome> parseCounterReport(const std::string& text);

} // namespace ipclab
