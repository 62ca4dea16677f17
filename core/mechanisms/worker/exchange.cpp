#include "mechanisms/worker/exchange.h"

#include "mechanisms/worker/payload.h"

#include <string>
#include <vector>

namespace ipclab {

int runRequestResponse(const WorkerContext& context, bool client, const DuplexOpener& open) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t rounds = context.param("round_trips");

    context.enterPhase(Phase::Setup);
    const std::unique_ptr<Duplex> channel = open(context);
    // Buffers come from the allocator here, so that the transfer phase holds only the lesson's calls.
    std::vector<std::uint8_t> outgoing(size);
    std::vector<std::uint8_t> incoming(size);

    context.enterPhase(Phase::Transfer);
    std::int64_t verified = 0;
    for (std::int64_t round = 0; round < rounds; ++round) {
        const auto r = static_cast<std::uint64_t>(round);
        auto send = [&] {
            fillPayload(outgoing, client ? requestSeed(r) : responseSeed(r));
            return channel->send(outgoing);
        };
        auto receive = [&] {
            return channel->receive(incoming) == incoming.size() &&
                   checkPayload(incoming, client ? responseSeed(r) : requestSeed(r));
        };
        if (!(client ? (send() && receive()) : (receive() && send()))) {
            break;
        }
        ++verified;
    }

    context.enterPhase(Phase::Teardown);
    channel->close();
    const bool ok = verified == rounds;
    context.report(ok, std::to_string(verified) + " of " + std::to_string(rounds) + " " +
                           (client ? "responses" : "requests") + " of " + std::to_string(size) + " bytes verified");
    return ok ? 0 : 1;
}

} // namespace ipclab
