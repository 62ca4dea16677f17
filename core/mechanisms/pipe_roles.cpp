#include "mechanisms/pipe_roles.h"

#include "mechanisms/payload.h"

#include <string>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

struct Exchange {
    std::size_t size;
    std::int64_t rounds;
    int in;
    int out;
};

Exchange exchangeOf(const WorkerContext& context) {
    return Exchange{static_cast<std::size_t>(context.param("size")), context.param("round_trips"), context.fd("in"),
                    context.fd("out")};
}

std::string describe(const Exchange& x, std::int64_t done, const char* what) {
    return std::to_string(done) + " of " + std::to_string(x.rounds) + " " + what + " of " + std::to_string(x.size) +
           " bytes verified";
}

void closeChannels(const WorkerContext& context, const Exchange& x) {
    context.enterPhase(Phase::Teardown);
    ::close(x.out);
    ::close(x.in);
}

} // namespace

int pipeClient(const WorkerContext& context) {
    const Exchange x = exchangeOf(context);
    context.enterPhase(Phase::Setup);
    // Buffers come from the allocator here, so that the transfer phase holds only the lesson's calls.
    std::vector<std::uint8_t> request(x.size);
    std::vector<std::uint8_t> response(x.size);
    context.enterPhase(Phase::Transfer);
    std::int64_t verified = 0;
    for (std::int64_t round = 0; round < x.rounds; ++round) {
        fillPayload(request, requestSeed(static_cast<std::uint64_t>(round)));
        if (!writeFully(x.out, request.data(), request.size())) {
            break;
        }
        if (readFully(x.in, response.data(), response.size()) != response.size() ||
            !checkPayload(response, responseSeed(static_cast<std::uint64_t>(round)))) {
            break;
        }
        ++verified;
    }
    closeChannels(context, x);
    const bool ok = verified == x.rounds;
    context.report(ok, describe(x, verified, "responses"));
    return ok ? 0 : 1;
}

int pipeServer(const WorkerContext& context) {
    const Exchange x = exchangeOf(context);
    context.enterPhase(Phase::Setup);
    std::vector<std::uint8_t> request(x.size);
    std::vector<std::uint8_t> response(x.size);
    context.enterPhase(Phase::Transfer);
    std::int64_t verified = 0;
    for (std::int64_t round = 0; round < x.rounds; ++round) {
        if (readFully(x.in, request.data(), request.size()) != request.size() ||
            !checkPayload(request, requestSeed(static_cast<std::uint64_t>(round)))) {
            break;
        }
        fillPayload(response, responseSeed(static_cast<std::uint64_t>(round)));
        if (!writeFully(x.out, response.data(), response.size())) {
            break;
        }
        ++verified;
    }
    closeChannels(context, x);
    const bool ok = verified == x.rounds;
    context.report(ok, describe(x, verified, "requests"));
    return ok ? 0 : 1;
}

} // namespace ipclab
