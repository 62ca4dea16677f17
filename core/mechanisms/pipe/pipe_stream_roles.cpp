#include "mechanisms/pipe/pipe_stream_roles.h"

#include "mechanisms/worker/payload.h"

#include <ctime>
#include <string>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

constexpr std::uint64_t kFloodSeed = 77;

std::uint64_t messageSeed(std::int64_t index) {
    return 1000 + static_cast<std::uint64_t>(index);
}

ssize_t readOnce(int fd, std::uint8_t* data, std::size_t size) {
    ssize_t n = 0;
    do {
        n = ::read(fd, data, size);
    } while (n < 0 && errno == EINTR);
    return n;
}

} // namespace

int pipeStreamWriter(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t messages = context.param("messages");
    const int out = context.fd("out");
    context.enterPhase(Phase::Setup);
    std::vector<std::uint8_t> message(size);
    context.enterPhase(Phase::Transfer);
    std::int64_t written = 0;
    for (std::int64_t i = 0; i < messages; ++i) {
        fillPayload(message, messageSeed(i));
        if (!writeFully(out, message.data(), message.size())) {
            break;
        }
        ++written;
    }
    context.enterPhase(Phase::Teardown);
    ::close(out);
    const bool ok = written == messages;
    context.report(ok,
                   std::to_string(written) + " messages of " + std::to_string(size) + " bytes written, one write each");
    return ok ? 0 : 1;
}

int pipeStreamReader(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t messages = context.param("messages");
    const int in = context.fd("in");
    context.enterPhase(Phase::Setup);
    // Room for one byte more than all the messages: a stream would hand over more if it had it.
    std::vector<std::uint8_t> buffer(size * static_cast<std::size_t>(messages) + 1);
    context.enterPhase(Phase::Transfer);
    const ssize_t got = readOnce(in, buffer.data(), buffer.size());
    context.enterPhase(Phase::Teardown);
    ::close(in);

    const std::size_t expected = size * static_cast<std::size_t>(messages);
    bool intact = got == static_cast<ssize_t>(expected);
    for (std::int64_t i = 0; intact && i < messages; ++i) {
        const std::span<const std::uint8_t> piece(buffer.data() + static_cast<std::size_t>(i) * size, size);
        intact = checkPayload(piece, messageSeed(i));
    }
    const std::string text =
        intact ? "one read returned " + std::to_string(got) + " bytes: all " + std::to_string(messages) +
                     " messages run together, with nothing to show where one ends"
               : "one read returned " + std::to_string(got) + " bytes, expected " + std::to_string(expected);
    context.report(intact, text);
    return intact ? 0 : 1;
}

int pipeFloodWriter(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const int out = context.fd("out");
    context.enterPhase(Phase::Setup);
    std::vector<std::uint8_t> data(size);
    fillPayload(data, kFloodSeed);
    context.enterPhase(Phase::Transfer);
    // One call: a blocking pipe write returns only when every byte is in, however long that takes.
    const bool ok = writeFully(out, data.data(), data.size());
    context.enterPhase(Phase::Teardown);
    ::close(out);
    context.report(ok, std::to_string(size) + " bytes written" + (ok ? "" : " (the write failed)"));
    return ok ? 0 : 1;
}

int pipeSlowReader(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const auto chunk = static_cast<std::size_t>(context.param("chunk"));
    const std::int64_t delayMs = context.param("reader_delay_ms");
    const int in = context.fd("in");
    context.enterPhase(Phase::Setup);
    std::vector<std::uint8_t> buffer(chunk);
    // Busy elsewhere for a while: meanwhile the writer fills the pipe and waits in the kernel.
    const timespec pause{static_cast<time_t>(delayMs / 1000), static_cast<long>(delayMs % 1000) * 1'000'000};
    ::clock_nanosleep(CLOCK_MONOTONIC, 0, &pause, nullptr);
    context.enterPhase(Phase::Transfer);
    std::size_t total = 0;
    std::int64_t reads = 0;
    bool intact = true;
    while (total < size) {
        const ssize_t got = readOnce(in, buffer.data(), std::min(chunk, size - total));
        if (got <= 0) {
            break;
        }
        intact = intact && checkPayloadAt({buffer.data(), static_cast<std::size_t>(got)}, kFloodSeed, total);
        total += static_cast<std::size_t>(got);
        ++reads;
    }
    context.enterPhase(Phase::Teardown);
    ::close(in);
    const bool ok = intact && total == size;
    context.report(ok, std::to_string(total) + " of " + std::to_string(size) + " bytes read intact in " +
                           std::to_string(reads) + " reads");
    return ok ? 0 : 1;
}

} // namespace ipclab
