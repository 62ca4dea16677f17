#include "session/plans/plan_params.h"

#include "common/error.h"

#include <algorithm>

namespace ipclab {

std::int64_t requireParam(const Scenario& scenario, const ParamValues& params, const std::string& name) {
    const auto it = params.find(name);
    if (it == params.end()) {
        throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() + ": the " + scenario.mechanism +
                                                " mechanism needs a [[params]] entry named '" + name + "'");
    }
    return it->second;
}

void requireWithinLimit(std::int64_t value, std::optional<std::int64_t> limit, const std::string& complaint,
                        const std::string& sysctl) {
    if (!limit || value <= *limit) {
        return;
    }
    std::string dotted = sysctl;
    std::replace(dotted.begin(), dotted.end(), '/', '.');
    throw Error(ErrorKind::KernelLimit, complaint + " (" + dotted + " = " + std::to_string(*limit) + ")");
}

} // namespace ipclab
