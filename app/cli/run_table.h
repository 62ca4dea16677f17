#pragma once

#include "scenario/scenario.h"
#include "session/session.h"

#include <ostream>

namespace ipclab::cli {

/// The human-readable form of a run: the parameters, a table of crossings, copies and bytes per
/// process and lesson phase, each process's outcome, and a one-line verdict.
void printRunReport(std::ostream& out, const Scenario& scenario, const RunResult& result);

} // namespace ipclab::cli
