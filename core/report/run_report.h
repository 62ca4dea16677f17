#pragma once

#include "scenario/scenario.h"
#include "session/session.h"

#include <nlohmann/json.hpp>

namespace ipclab {

/// The document `ipclab-cli run --json` prints (DESIGN.md, "Contracts"): the scenario, the
/// parameters, each process's outcome, every observed system call, and crossings/copies/bytes
/// per process and phase and in total. Keys are snake_case; absent values are null, never
/// omitted, so scripts can rely on every key being there: a process killed by a signal has
/// "exit_code": null and "signal": N, a call without an fd has "fd": null. Built from `result` alone.
nlohmann::json runReportJson(const Scenario& scenario, const RunResult& result);

/// {"crossings", "copies", "bytes_user_to_kernel", "bytes_kernel_to_user"} for one tally.
nlohmann::json tallyJson(const Tally& tally);

} // namespace ipclab
