#include "mechanisms/timing/bench_roles.h"

#include "common/monotonic_clock.h"
#include "mechanisms/timing/bench_link.h"
#include "mechanisms/timing/bench_once.h"
#include "mechanisms/timing/bench_report.h"

#include <sched.h>
#include <stdexcept>
#include <vector>

namespace ipclab {

namespace {

enum Mode : std::int64_t { kRoundTrip = 0, kThroughput = 1, kSetup = 2, kOneTime = 3 };

void pinTo(const WorkerContext& context) {
    const int cpu = std::stoi(context.name("cpu"));
    if (cpu < 0) {
        return;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(static_cast<std::size_t>(cpu), &set);
    requireCall(::sched_setaffinity(0, sizeof set, &set) == 0, "sched_setaffinity(CPU " + std::to_string(cpu) + ")");
}

struct Counts {
    std::int64_t warmUp;
    std::int64_t samples;
    std::int64_t batch;
    std::size_t size;
};

Counts countsOf(const WorkerContext& context) {
    return Counts{context.param("warmup"), context.param("samples"), std::max<std::int64_t>(context.param("batch"), 1),
                  static_cast<std::size_t>(context.param("size"))};
}

/// Runs `one` warm-up + samples times and times the samples; throws when `one` says it failed.
template <typename One> std::vector<std::int64_t> timeSamples(const Counts& counts, One one) {
    std::vector<std::int64_t> times;
    times.reserve(static_cast<std::size_t>(counts.samples));
    for (std::int64_t i = -counts.warmUp; i < counts.samples; ++i) {
        const std::int64_t start = monotonicNs();
        if (!one()) {
            throw std::runtime_error("the channel failed after " + std::to_string(i + counts.warmUp) + " samples");
        }
        if (i >= 0) {
            times.push_back(monotonicNs() - start);
        }
    }
    return times;
}

std::vector<std::int64_t> clientSamples(const WorkerContext& context, std::int64_t mode, const Counts& counts) {
    if (mode == kRoundTrip || mode == kThroughput) {
        const auto link = openBenchLink(context, true);
        if (mode == kRoundTrip) {
            return timeSamples(counts, [&] { return link->send(counts.size) && link->receive(counts.size); });
        }
        return timeSamples(counts, [&] {
            bool ok = true;
            for (std::int64_t m = 0; ok && m < counts.batch; ++m) {
                ok = link->send(counts.size);
            }
            return ok && link->receive(1); // the reader's acknowledgement: it has taken them all
        });
    }
    const auto once = makeBenchOnce(context);
    if (mode == kSetup) {
        return timeSamples(counts, [&] { return once->setupTeardown(), true; });
    }
    const int ctl = context.fd("ctl");
    return timeSamples(counts, [&] { return once->createAndSend(ctl), true; });
}

} // namespace

int benchClient(const WorkerContext& context) {
    pinTo(context);
    const std::int64_t mode = context.param("mode");
    const Counts counts = countsOf(context);
    const auto times = clientSamples(context, mode, counts);
    context.report(true, benchReport(statsOf(times, mode == kThroughput ? counts.batch : 1)));
    return 0;
}

int benchServer(const WorkerContext& context) {
    pinTo(context);
    const std::int64_t mode = context.param("mode");
    const Counts counts = countsOf(context);
    const std::int64_t total = counts.warmUp + counts.samples;
    if (mode == kRoundTrip || mode == kThroughput) {
        const auto link = openBenchLink(context, false);
        const std::int64_t perSample = mode == kThroughput ? counts.batch : 1;
        for (std::int64_t i = 0; i < total; ++i) {
            for (std::int64_t m = 0; m < perSample; ++m) {
                if (!link->receive(counts.size)) {
                    throw std::runtime_error("receive failed at sample " + std::to_string(i));
                }
            }
            if (!link->send(mode == kThroughput ? 1 : counts.size)) {
                throw std::runtime_error("send failed at sample " + std::to_string(i));
            }
        }
    } else if (mode == kOneTime) {
        const auto once = makeBenchOnce(context);
        for (std::int64_t i = 0; i < total; ++i) {
            once->openAndReceive(context.fd("ctl"));
        }
    }
    context.report(true, "served " + std::to_string(total) + " samples");
    return 0;
}

} // namespace ipclab
