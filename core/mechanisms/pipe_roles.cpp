#include "mechanisms/pipe_roles.h"

#include "mechanisms/payload.h"

#include <string>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

/// One side of the request/response exchange. The client speaks first (request, then the
/// response comes back); the server listens first. Everything else is the same.
int runExchange(const WorkerContext& context, bool speaksFirst) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t rounds = context.param("round_trips");
    const int in = context.fd("in");
    const int out = context.fd("out");

    context.enterPhase(Phase::Setup);
    // Buffers come from the allocator here, so that the transfer phase holds only the lesson's calls.
    std::vector<std::uint8_t> outgoing(size);
    std::vector<std::uint8_t> incoming(size);

    context.enterPhase(Phase::Transfer);
    std::int64_t verified = 0;
    for (std::int64_t round = 0; round < rounds; ++round) {
        const auto r = static_cast<std::uint64_t>(round);
        const std::uint64_t mySeed = speaksFirst ? requestSeed(r) : responseSeed(r);
        const std::uint64_t theirSeed = speaksFirst ? responseSeed(r) : requestSeed(r);
        auto send = [&] {
            fillPayload(outgoing, mySeed);
            return writeFully(out, outgoing.data(), outgoing.size());
        };
        auto receive = [&] {
            return readFully(in, incoming.data(), incoming.size()) == incoming.size() &&
                   checkPayload(incoming, theirSeed);
        };
        const bool ok = speaksFirst ? (send() && receive()) : (receive() && send());
        if (!ok) {
            break;
        }
        ++verified;
    }

    context.enterPhase(Phase::Teardown);
    ::close(out);
    ::close(in);
    const bool ok = verified == rounds;
    context.report(ok, std::to_string(verified) + " of " + std::to_string(rounds) + " " +
                           (speaksFirst ? "responses" : "requests") + " of " + std::to_string(size) +
                           " bytes verified");
    return ok ? 0 : 1;
}

} // namespace

int pipeClient(const WorkerContext& context) {
    return runExchange(context, true);
}

int pipeServer(const WorkerContext& context) {
    return runExchange(context, false);
}

} // namespace ipclab
