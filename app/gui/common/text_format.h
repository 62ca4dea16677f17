#pragma once

#include "events/event.h"

#include <QString>
#include <cstdint>
#include <string>

namespace ipclab {

/// "4096 B", "1,048,576 B": exact, because the numbers on screen are measured ones.
QString formatBytes(std::uint64_t bytes);
/// "12.345 ms", or "3.614 s" from one second on, from nanoseconds since the run started.
QString formatRunTime(std::int64_t ns);
/// "setup", "transfer", ...
QString phaseText(Phase phase);
QString fromStd(const std::string& text);

} // namespace ipclab
