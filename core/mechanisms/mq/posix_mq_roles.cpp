#include "mechanisms/mq/posix_mq_roles.h"

#include "mechanisms/mq/posix_mq_duplex.h"
#include "mechanisms/mq/posix_mq_protocol.h"
#include "mechanisms/worker/exchange.h"
#include "mechanisms/worker/payload.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <vector>

namespace ipclab {

namespace {

std::unique_ptr<Duplex> openClientQueues(const WorkerContext& context) {
    return std::make_unique<PosixMqDuplex>(context.name(posixmq::kResponses), context.name(posixmq::kRequests));
}

std::unique_ptr<Duplex> openServerQueues(const WorkerContext& context) {
    return std::make_unique<PosixMqDuplex>(context.name(posixmq::kRequests), context.name(posixmq::kResponses));
}

/// One message of the priorities scenario as the receiver must see it.
struct Expected {
    unsigned priority = 0;
    std::size_t length = 0;
};

/// The messages in the order the kernel must hand them out: highest priority first.
std::vector<Expected> expectedOrder(std::int64_t count, std::int64_t size) {
    std::vector<Expected> order;
    for (std::int64_t k = 0; k < count; ++k) {
        order.push_back({posixmq::priorityOf(k), posixmq::lengthOf(k, count, size)});
    }
    std::sort(order.begin(), order.end(), [](const Expected& a, const Expected& b) { return a.priority > b.priority; });
    return order;
}

template <typename T> std::string joined(const std::vector<T>& values) {
    std::string text;
    for (const T& value : values) {
        text += (text.empty() ? "" : ", ") + std::to_string(value);
    }
    return text;
}

} // namespace

int posixMqClient(const WorkerContext& context) {
    return runRequestResponse(context, true, openClientQueues);
}

int posixMqServer(const WorkerContext& context) {
    return runRequestResponse(context, false, openServerQueues);
}

int posixMqPrioritySender(const WorkerContext& context) {
    const std::int64_t size = context.param("size");
    const std::int64_t count = context.param("messages");

    context.enterPhase(Phase::Setup);
    const mqd_t messages = openPosixQueue(context.name(posixmq::kMessages), O_WRONLY);
    const mqd_t control = openPosixQueue(context.name(posixmq::kControl), O_WRONLY);
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(size));

    context.enterPhase(Phase::Transfer);
    std::int64_t sent = 0;
    for (; sent < count; ++sent) {
        const std::span message(buffer.data(), posixmq::lengthOf(sent, count, size));
        // The payload is seeded by the priority, so the receiver can tell which message it got.
        fillPayload(message, posixmq::priorityOf(sent));
        if (!sendPosixMessage(messages, message, posixmq::priorityOf(sent))) {
            break;
        }
    }
    const std::uint8_t allSent = 1;
    const bool told = sent == count && sendPosixMessage(control, std::span(&allSent, 1), 0);
    const int err = errno;

    context.enterPhase(Phase::Teardown);
    ::mq_close(messages);
    ::mq_close(control);
    std::vector<unsigned> priorities;
    for (std::int64_t k = 0; k < sent; ++k) {
        priorities.push_back(posixmq::priorityOf(k));
    }
    const std::string what = "sent " + std::to_string(sent) + " of " + std::to_string(count) +
                             " messages with priorities, in this order: " + joined(priorities);
    context.report(told, told ? what + "; then 'all sent'" : what + "; stopped: " + std::strerror(err));
    return told ? 0 : 1;
}

int posixMqPriorityReceiver(const WorkerContext& context) {
    const std::int64_t size = context.param("size");
    const std::int64_t count = context.param("messages");

    context.enterPhase(Phase::Setup);
    const mqd_t messages = openPosixQueue(context.name(posixmq::kMessages), O_RDONLY);
    const mqd_t control = openPosixQueue(context.name(posixmq::kControl), O_RDONLY);
    // Room for the longest message: mq_receive refuses a buffer smaller than mq_msgsize.
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(size));
    const std::vector<Expected> expected = expectedOrder(count, size);
    std::vector<unsigned> priorities;
    std::vector<std::size_t> lengths;
    priorities.reserve(expected.size());
    lengths.reserve(expected.size());

    context.enterPhase(Phase::Transfer);
    // Wait for "all sent" first: draining while the sender still sends would hand out whatever
    // had arrived, and the order would show timing rather than priorities.
    std::uint8_t allSent = 0;
    bool ok = receivePosixMessage(control, std::span(&allSent, 1)).has_value();
    for (std::size_t j = 0; ok && j < expected.size(); ++j) {
        unsigned priority = 0;
        const auto length = receivePosixMessage(messages, buffer, &priority);
        ok = length.has_value();
        if (ok) {
            priorities.push_back(priority);
            lengths.push_back(*length);
            ok = priority == expected[j].priority && *length == expected[j].length &&
                 checkPayload(std::span(buffer.data(), *length), priority);
        }
    }

    context.enterPhase(Phase::Teardown);
    ::mq_close(messages);
    ::mq_close(control);
    const std::string what = "received priorities " + joined(priorities);
    context.report(ok, ok ? what + ": highest first; each receive returned exactly one whole message (" +
                                joined(lengths) + " bytes)"
                          : what + " (lengths " + joined(lengths) +
                                " bytes): not the highest-priority-first order of whole messages expected");
    return ok ? 0 : 1;
}

} // namespace ipclab
