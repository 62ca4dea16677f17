#pragma once

#include "session/run_plan.h"

namespace ipclab {

// The plan of each mechanism, one per file, registered in run_plan.cpp's table.

/// Two pipes between a client and a server (lesson §4, §5).
std::unique_ptr<RunPlan> makePipePlan(const Scenario& scenario, const ParamValues& params);

} // namespace ipclab
