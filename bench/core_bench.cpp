// Micro-benchmarks of the observer's own hot paths: what it costs ipclab to decode one system
// call, to pass one event down the stream, and to code one worker record. They bound how much
// the observer itself adds per traced call; the kernel's costs are measured by the bench engine.
#include "bench/crossover.h"
#include "observe/syscall_decoder.h"
#include "observe/syscall_names.h"
#include "protocol/record.h"
#include "session/event_stream.h"

#include <benchmark/benchmark.h>

namespace ipclab {
namespace {

SyscallRecord writeCall() {
    SyscallRecord call;
    call.pid = 4242;
    call.nr = syscallNumber("write");
    call.args = {5, 0x7ffc0000, 4096, 0, 0, 0};
    call.phase = Phase::Transfer;
    return call;
}

void BM_DecodeEntryAndExit(benchmark::State& state) {
    const SyscallDecoder decoder;
    const SyscallRecord raw = writeCall();
    for (auto _ : state) {
        SyscallRecord call = raw;
        decoder.decodeEntry(call);
        decoder.decodeExit(call, 4096);
        benchmark::DoNotOptimize(call);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecodeEntryAndExit);

class CountingSink : public EventSink {
public:
    void onEvent(const Event& event) override { m_seq = event.seq; }
    std::uint64_t m_seq = 0;
};

void BM_EventStreamEmit(benchmark::State& state) {
    const SyscallDecoder decoder;
    SyscallRecord call = writeCall();
    decoder.decodeEntry(call);
    decoder.decodeExit(call, 4096);
    CountingSink sink;
    EventStream stream;
    stream.setSink(&sink);
    for (auto _ : state) {
        stream.emit(SyscallExited{call});
    }
    state.SetItemsProcessed(state.iterations());
    benchmark::DoNotOptimize(sink.m_seq);
}
BENCHMARK(BM_EventStreamEmit);

void BM_SummaryAdd(benchmark::State& state) {
    const SyscallDecoder decoder;
    SyscallRecord call = writeCall();
    decoder.decodeEntry(call);
    decoder.decodeExit(call, 4096);
    Summary summary;
    for (auto _ : state) {
        summary.add(call);
    }
    state.SetItemsProcessed(state.iterations());
    benchmark::DoNotOptimize(summary.total());
}
BENCHMARK(BM_SummaryAdd);

void BM_RecordEncodeDecode(benchmark::State& state) {
    for (auto _ : state) {
        const auto bytes = protocol::encode(protocol::makePhaseRecord(Phase::Transfer, 123456789));
        protocol::RecordDecoder decoder;
        decoder.feed(bytes.data(), bytes.size());
        auto record = decoder.take();
        benchmark::DoNotOptimize(record);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordEncodeDecode);

// What the chart pays to find where two series of a sweep (21 sizes) change places.
void BM_FindCrossovers(benchmark::State& state) {
    std::vector<bench::SeriesPoint> copying;
    std::vector<bench::SeriesPoint> mapping;
    for (const std::uint64_t size : bench::powerOfTwoSizes(64, 64u << 20)) {
        const auto bytes = static_cast<double>(size);
        copying.push_back({bytes, 2000 + 0.5 * bytes});
        mapping.push_back({bytes, 50000 + 0.1 * bytes});
    }
    for (auto _ : state) {
        auto found = bench::findCrossovers("pipe", copying, "posix-shm", mapping);
        benchmark::DoNotOptimize(found);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindCrossovers);

} // namespace
} // namespace ipclab
