#pragma once

#include <cstddef>
#include <cstdint>

namespace ipclab::sysvmq {

// What the session's plan and the workers agree on for System V message queues: the key under
// which the key file's path is passed (--name keyfile=...; the workers ftok() it themselves), and
// the message types that let one queue carry several conversations.

inline constexpr const char* kKeyFile = "keyfile";

/// Request/response: both directions share one queue; the type says which way a message goes.
inline constexpr long kRequestType = 1;
inline constexpr long kResponseType = 2;

/// Types scenario: message `k` (0-based, in sending order) has type 1, 2, 3, 1, 2, 3, ...
constexpr long typeOf(std::int64_t k) {
    return 1 + static_cast<long>(k % 3);
}
/// The one type the receiver asks for.
inline constexpr long kWantedType = 2;
/// The sender's last message, "all sent": one byte of a type no data message has.
inline constexpr long kAllSentType = 4;
inline constexpr std::size_t kAllSentSize = 1;

} // namespace ipclab::sysvmq
