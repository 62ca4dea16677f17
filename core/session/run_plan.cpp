#include "session/run_plan.h"

#include "common/error.h"

namespace ipclab {

std::unique_ptr<RunPlan> makeRunPlan(const Scenario& scenario, const ParamValues& params) {
    if (scenario.mechanism == "pipe") {
        return makePipePlan(scenario, params);
    }
    throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() +
                                            ": field 'mechanism': ipclab has no mechanism '" + scenario.mechanism +
                                            "' (known: pipe)");
}

} // namespace ipclab
