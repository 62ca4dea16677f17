#include "mechanisms/socket/socket_boundary_roles.h"

#include "mechanisms/socket/socket_roles.h"
#include "mechanisms/worker/exchange.h"
#include "mechanisms/worker/payload.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

std::uint64_t messageSeed(std::int64_t index) {
    return 2000 + static_cast<std::uint64_t>(index);
}

int burstWriter(const WorkerContext& context, const DuplexOpener& open) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t messages = context.param("messages");
    context.enterPhase(Phase::Setup);
    const std::unique_ptr<Duplex> channel = open(context);
    std::vector<std::uint8_t> message(size);
    context.enterPhase(Phase::Transfer);
    std::int64_t sent = 0;
    for (std::int64_t i = 0; i < messages; ++i) {
        fillPayload(message, messageSeed(i));
        if (!channel->send(message)) {
            break;
        }
        ++sent;
    }
    context.enterPhase(Phase::Teardown);
    channel->close();
    const bool ok = sent == messages;
    context.report(ok, std::to_string(sent) + " messages of " + std::to_string(size) + " bytes sent, one call each");
    return ok ? 0 : 1;
}

ssize_t readOnce(int fd, std::uint8_t* data, std::size_t size) {
    ssize_t n = 0;
    do {
        n = ::read(fd, data, size);
    } while (n < 0 && errno == EINTR);
    return n;
}

std::string describeReads(const std::vector<ssize_t>& reads, std::int64_t messages, std::size_t size,
                          std::size_t room) {
    const std::size_t total = size * static_cast<std::size_t>(messages);
    if (reads.size() == 1 && messages > 1) {
        return "one read returned " + std::to_string(reads.front()) + " bytes: all " + std::to_string(messages) +
               " messages run together, with nothing to mark where one ends";
    }
    std::string sizes;
    bool oneMessageEach = true;
    for (const ssize_t n : reads) {
        sizes += (sizes.empty() ? "" : ", ") + std::to_string(n);
        oneMessageEach = oneMessageEach && n == static_cast<ssize_t>(size);
    }
    return std::to_string(reads.size()) + " reads" + (oneMessageEach ? ", one whole message each" : "") + ": " + sizes +
           " bytes (" + std::to_string(total) + " in all), although every read had room for " + std::to_string(room) +
           " bytes";
}

/// Reads until every byte of every message is in; with a room for them all, what each read
/// returns is the mechanism's answer to "where are the boundaries?".
int singleReader(const WorkerContext& context, int fd) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t messages = context.param("messages");
    const std::size_t total = size * static_cast<std::size_t>(messages);
    // One byte more than everything: a stream would hand over more if it had it.
    std::vector<std::uint8_t> buffer(total + 1);
    std::vector<ssize_t> reads;
    reads.reserve(static_cast<std::size_t>(messages) + 1);
    context.enterPhase(Phase::Transfer);
    std::size_t got = 0;
    while (got < total) {
        const ssize_t n = readOnce(fd, buffer.data() + got, buffer.size() - got);
        if (n <= 0) {
            break;
        }
        reads.push_back(n);
        got += static_cast<std::size_t>(n);
    }
    context.enterPhase(Phase::Teardown);
    ::close(fd);
    bool intact = got == total;
    for (std::int64_t i = 0; intact && i < messages; ++i) {
        intact = checkPayload({buffer.data() + static_cast<std::size_t>(i) * size, size}, messageSeed(i));
    }
    const std::string text = describeReads(reads, messages, size, total + 1);
    context.report(intact, intact ? text : text + "; expected " + std::to_string(total) + " intact bytes");
    return intact ? 0 : 1;
}

int acceptForReading(const WorkerContext& context) {
    context.enterPhase(Phase::Setup);
    int fd = -1;
    do {
        fd = ::accept4(context.fd("listener"), nullptr, nullptr, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        throw std::runtime_error("accept() failed: " + std::string(std::strerror(errno)));
    }
    ::close(context.fd("listener"));
    return fd;
}

} // namespace

int unixStreamBurstWriter(const WorkerContext& context) {
    return burstWriter(context, openUnixStreamClient);
}

int unixStreamSingleReader(const WorkerContext& context) {
    return singleReader(context, acceptForReading(context));
}

int unixDatagramBurstWriter(const WorkerContext& context) {
    return burstWriter(context, openUnixDatagram);
}

int unixDatagramSingleReader(const WorkerContext& context) {
    // Nothing to open: the session bound this socket to its path, where the writer sent to.
    context.enterPhase(Phase::Setup);
    return singleReader(context, context.fd("socket"));
}

} // namespace ipclab
