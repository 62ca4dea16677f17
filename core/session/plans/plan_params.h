#pragma once

#include "scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ipclab {

// Checks a plan makes before it creates anything, so that bad input leaves nothing behind.

/// The value of parameter `name`. Throws Error(BadScenario) naming the scenario file when the
/// scenario does not declare it: the mechanism cannot run without it.
std::int64_t requireParam(const Scenario& scenario, const ParamValues& params, const std::string& name);

/// Throws Error(KernelLimit) when `value` exceeds `limit`, the value of /proc/sys/`sysctl` (e.g.
/// "fs/mqueue/msgsize_max"). The message is `complaint` followed by the limit: "parameter 'size' =
/// 9000 bytes is larger than this machine's largest POSIX message (fs.mqueue.msgsize_max = 8192)".
/// An unreadable limit (nullopt) is left to the kernel to enforce.
void requireWithinLimit(std::int64_t value, std::optional<std::int64_t> limit, const std::string& complaint,
                        const std::string& sysctl);

} // namespace ipclab
