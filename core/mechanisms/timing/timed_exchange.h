#pragma once

#include "mechanisms/worker/exchange.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

/// Measure mode (never traced): the client times params "round_trips" request/response round
/// trips of "size" bytes with clock_gettime (served from the vDSO, so timing adds no system
/// call), after a few untimed warm-up ones, and reports the median. The server echoes. Each
/// side first pins itself to the CPU in the name "cpu" (-1: left to the scheduler).
int runTimedClient(const WorkerContext& context, const DuplexOpener& open);
int runTimedServer(const WorkerContext& context, const DuplexOpener& open);

/// The timed client's report text, and the median read back from it: one place for the format.
std::string timedReport(std::int64_t medianNs, std::int64_t rounds, int cpu);
std::optional<std::int64_t> medianFromTimedReport(const std::string& text);

} // namespace ipclab
