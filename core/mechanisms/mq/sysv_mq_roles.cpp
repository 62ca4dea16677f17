#include "mechanisms/mq/sysv_mq_roles.h"

#include "mechanisms/mq/sysv_mq_duplex.h"
#include "mechanisms/mq/sysv_mq_protocol.h"
#include "mechanisms/worker/exchange.h"
#include "mechanisms/worker/payload.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/msg.h>
#include <vector>

namespace ipclab {

namespace {

std::unique_ptr<Duplex> openAs(const WorkerContext& context, long sendType, long receiveType) {
    const int msqid = openSysvQueue(context.name(sysvmq::kKeyFile));
    return std::make_unique<SysvMqDuplex>(msqid, sendType, receiveType,
                                          static_cast<std::size_t>(context.param("size")));
}

std::string joined(const std::vector<std::int64_t>& values, std::int64_t offset) {
    std::string text;
    for (const std::int64_t value : values) {
        text += (text.empty() ? "" : ", ") + std::to_string(value + offset);
    }
    return text;
}

} // namespace

int sysvMqClient(const WorkerContext& context) {
    return runRequestResponse(
        context, true, [](const WorkerContext& c) { return openAs(c, sysvmq::kRequestType, sysvmq::kResponseType); });
}

int sysvMqServer(const WorkerContext& context) {
    return runRequestResponse(
        context, false, [](const WorkerContext& c) { return openAs(c, sysvmq::kResponseType, sysvmq::kRequestType); });
}

int sysvMqTypedSender(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t count = context.param("messages");

    context.enterPhase(Phase::Setup);
    const int msqid = openSysvQueue(context.name(sysvmq::kKeyFile));
    SysvMessage message(size);

    context.enterPhase(Phase::Transfer);
    std::int64_t sent = 0;
    for (; sent < count; ++sent) {
        // Seeded by the sending position, so the receiver can tell which message it got.
        fillPayload(message.text(), static_cast<std::uint64_t>(sent));
        if (!message.send(msqid, sysvmq::typeOf(sent), size)) {
            break;
        }
    }
    const bool told = sent == count && message.send(msqid, sysvmq::kAllSentType, sysvmq::kAllSentSize);
    const int err = errno;

    context.enterPhase(Phase::Teardown);
    std::string types;
    for (std::int64_t k = 0; k < sent; ++k) {
        types += (types.empty() ? "" : ", ") + std::to_string(sysvmq::typeOf(k));
    }
    const std::string what =
        "queued " + std::to_string(sent) + " of " + std::to_string(count) + " messages of types " + types;
    context.report(told, told ? what + ", then 'all sent' (type 4)" : what + "; stopped: " + std::strerror(err));
    return told ? 0 : 1;
}

int sysvMqTypedReceiver(const WorkerContext& context) {
    const auto size = static_cast<std::size_t>(context.param("size"));
    const std::int64_t count = context.param("messages");

    context.enterPhase(Phase::Setup);
    const int msqid = openSysvQueue(context.name(sysvmq::kKeyFile));
    SysvMessage message(size);
    std::vector<std::int64_t> wanted; // sending positions of the type-2 messages
    for (std::int64_t k = 0; k < count; ++k) {
        if (sysvmq::typeOf(k) == sysvmq::kWantedType) {
            wanted.push_back(k);
        }
    }

    context.enterPhase(Phase::Transfer);
    // "All sent" is the last message queued: asking for its type alone already skips all others.
    bool ok = message.receive(msqid, sysvmq::kAllSentType).has_value();
    std::size_t got = 0;
    for (; ok && got < wanted.size(); ++got) {
        const auto length = message.receive(msqid, sysvmq::kWantedType);
        ok = length == size && message.type() == sysvmq::kWantedType &&
             checkPayload(message.text(), static_cast<std::uint64_t>(wanted[got]));
    }
    // Once more, without waiting: no type-2 message may be left, though others are.
    const bool noneLeft = ok && !message.receive(msqid, sysvmq::kWantedType, IPC_NOWAIT) && errno == ENOMSG;

    context.enterPhase(Phase::Teardown);
    msqid_ds status{};
    const bool stated = ::msgctl(msqid, IPC_STAT, &status) == 0;
    const bool passed = ok && noneLeft;
    std::string text = "asked for type 2 only and got " + std::to_string(got) + " of the " +
                       std::to_string(wanted.size()) + " type-2 messages (numbers " + joined(wanted, 1) + " of the " +
                       std::to_string(count) + " sent)";
    text += passed ? ", in the order sent; asking again found no type 2 left (ENOMSG)"
                   : ": not exactly the type-2 messages, whole and in order";
    if (stated) {
        text += "; " + std::to_string(status.msg_qnum) + " messages of other types stay queued";
    }
    context.report(passed, text);
    return passed ? 0 : 1;
}

} // namespace ipclab
