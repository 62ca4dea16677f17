#pragma once

#include "mechanisms/worker/worker_context.h"

namespace ipclab {

/// The benchmark's two workers (`ipclab-worker bench client|server`), always untraced. Params:
/// "mode" (0 reused round trip, 1 one-way throughput, 2 setup+teardown, 3 one-time transfer, as
/// bench::BenchMode), "size", "samples", "warmup", "batch" (messages per throughput sample),
/// "threshold" (hybrid); names "mechanism", "cpu" (-1: unpinned) and the objects' names (see
/// bench_link.h, bench_once.h). Each pins itself first. The client times every sample with the
/// vDSO clock (no system call) and reports the statistics (bench_report.h); the server serves.
int benchClient(const WorkerContext& context);
int benchServer(const WorkerContext& context);

} // namespace ipclab
