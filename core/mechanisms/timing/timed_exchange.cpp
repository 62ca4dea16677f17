#include "mechanisms/timing/timed_exchange.h"

#include <algorithm>
#include <ctime>
#include <sched.h>
#include <stdexcept>
#include <vector>

namespace ipclab {

namespace {

constexpr std::string_view kMedianPrefix = "median round trip ";

void pinTo(int cpu) {
    if (cpu < 0) {
        return;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(static_cast<std::size_t>(cpu), &set);
    if (::sched_setaffinity(0, sizeof set, &set) != 0) {
        throw std::runtime_error("cannot pin this process to CPU " + std::to_string(cpu));
    }
}

std::int64_t nowNs() {
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int cpuOf(const WorkerContext& context) {
    return std::stoi(context.name("cpu"));
}

std::int64_t warmUpRounds(std::int64_t rounds) {
    return std::clamp<std::int64_t>(rounds / 10, 1, 200);
}

} // namespace

int runTimedClient(const WorkerContext& context, const DuplexOpener& open) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t rounds = context.param("round_trips");
    const int cpu = cpuOf(context);
    context.enterPhase(Phase::Setup);
    pinTo(cpu);
    const std::unique_ptr<Duplex> channel = open(context);
    std::vector<std::uint8_t> request(size, 0x5a);
    std::vector<std::uint8_t> response(size);
    std::vector<std::int64_t> times(static_cast<std::size_t>(rounds));
    const std::int64_t warmUp = warmUpRounds(rounds);

    context.enterPhase(Phase::Transfer);
    bool ok = true;
    for (std::int64_t round = -warmUp; ok && round < rounds; ++round) {
        const std::int64_t start = nowNs();
        ok = channel->send(request) && channel->receive(response) == size;
        if (round >= 0) {
            times[static_cast<std::size_t>(round)] = nowNs() - start;
        }
    }
    context.enterPhase(Phase::Teardown);
    channel->close();
    ok = ok && response == request;
    if (!ok) {
        context.report(false, "the echo did not come back intact");
        return 1;
    }
    const auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
    std::nth_element(times.begin(), middle, times.end());
    context.report(true, timedReport(*middle, rounds, cpu));
    return 0;
}

int runTimedServer(const WorkerContext& context, const DuplexOpener& open) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t total = context.param("round_trips") + warmUpRounds(context.param("round_trips"));
    context.enterPhase(Phase::Setup);
    pinTo(cpuOf(context));
    const std::unique_ptr<Duplex> channel = open(context);
    std::vector<std::uint8_t> buffer(size);
    context.enterPhase(Phase::Transfer);
    std::int64_t echoed = 0;
    while (echoed < total && channel->receive(buffer) == size && channel->send(buffer)) {
        ++echoed;
    }
    context.enterPhase(Phase::Teardown);
    channel->close();
    const bool ok = echoed == total;
    context.report(ok, std::to_string(echoed) + " of " + std::to_string(total) + " requests echoed");
    return ok ? 0 : 1;
}

std::string timedReport(std::int64_t medianNs, std::int64_t rounds, int cpu) {
    return std::string(kMedianPrefix) + std::to_string(medianNs) + " ns over " + std::to_string(rounds) +
           " timed round trips (" + (cpu < 0 ? std::string("unpinned") : "pinned to CPU " + std::to_string(cpu)) + ")";
}

std::optional<std::int64_t> medianFromTimedReport(const std::string& text) {
    if (!text.starts_with(kMedianPrefix)) {
        return std::nullopt;
    }
    try {
        return std::stoll(text.substr(kMedianPrefix.size()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace ipclab
