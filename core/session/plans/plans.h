#pragma once

#include "session/plans/run_plan.h"

namespace ipclab {

// The plan of each mechanism, one per file, registered in run_plan.cpp's table.

/// Two pipes between a client and a server (lesson §4, §5).
std::unique_ptr<RunPlan> makePipePlan(const Scenario& scenario, const ParamValues& params);

/// Two POSIX message queues: requests and responses, or messages and "all sent" (lesson §5).
std::unique_ptr<RunPlan> makePosixMqPlan(const Scenario& scenario, const ParamValues& params);

/// One System V message queue, its directions or kinds of message told apart by type (§5, §16).
std::unique_ptr<RunPlan> makeSysvMqPlan(const Scenario& scenario, const ParamValues& params);

/// Two FIFOs (named pipes) in the run folder that the workers open by path (lesson §5).
std::unique_ptr<RunPlan> makeFifoPlan(const Scenario& scenario, const ParamValues& params);

/// A Unix stream socket file; the session listens, the server accepts (lesson §5).
std::unique_ptr<RunPlan> makeUnixStreamPlan(const Scenario& scenario, const ParamValues& params);

/// Two Unix datagram socket files, one per side, bound by the session (lesson §5).
std::unique_ptr<RunPlan> makeUnixDgramPlan(const Scenario& scenario, const ParamValues& params);

/// TCP on 127.0.0.1, plus an untraced Unix-vs-TCP latency comparison (lesson §5).
std::unique_ptr<RunPlan> makeTcpPlan(const Scenario& scenario, const ParamValues& params);

/// Shared memory between a writer and a reader (§6, §10–§12): System V, POSIX, a mapped file.
std::unique_ptr<RunPlan> makeSysvShmPlan(const Scenario& scenario, const ParamValues& params);
std::unique_ptr<RunPlan> makePosixShmPlan(const Scenario& scenario, const ParamValues& params);
std::unique_ptr<RunPlan> makeMappedFilePlan(const Scenario& scenario, const ParamValues& params);

/// N processes add to one counter in shared memory, guarded by nothing, a process-shared
/// mutex, or a semaphore (§13–§15).
std::unique_ptr<RunPlan> makeCounterPlan(const Scenario& scenario, const ParamValues& params);

/// A producer and a consumer around a process-shared mutex and condition variable (§14).
std::unique_ptr<RunPlan> makeCondvarPlan(const Scenario& scenario, const ParamValues& params);
/// A robust process-shared mutex whose holder is killed holding it (§14).
std::unique_ptr<RunPlan> makeRobustMutexPlan(const Scenario& scenario, const ParamValues& params);
/// Shared memory for the data, "ready" and "ok" on two POSIX message queues (§15).
std::unique_ptr<RunPlan> makeReadyOkPlan(const Scenario& scenario, const ParamValues& params);

} // namespace ipclab
