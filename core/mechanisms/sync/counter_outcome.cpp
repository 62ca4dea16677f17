#include "mechanisms/sync/counter_outcome.h"

#include <regex>

namespace ipclab {

std::string counterReport(const CounterOutcome& outcome, const std::string& guardedBy) {
    return "counter = " + std::to_string(outcome.total) + " after " + std::to_string(outcome.processes) + " x " +
           std::to_string(outcome.increments) + " increments (expected " + std::to_string(outcome.expected()) +
           "): " + std::to_string(outcome.lost()) + " updates lost, guarded by " + guardedBy;
}

std::optional<CounterOutcome> parseCounterReport(const std::string& text) {
    static const std::regex pattern(R"(counter = (-?\d+) after (\d+) x (\d+) increments)");
    std::smatch match;
    if (!std::regex_search(text, match, pattern)) {
        return std::nullopt;
    }
    return CounterOutcome{std::stoll(match[1]), std::stoll(match[2]), std::stoll(match[3])};
}

} // namespace ipclab
