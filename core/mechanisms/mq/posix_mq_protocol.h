#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace ipclab::posixmq {

// What the session's plan and the workers agree on for POSIX message queues: the keys under
// which the queues' names are passed (--name key=/ipclab-...), and how the priorities scenario
// numbers its messages, so that the receiver knows what it must get back.

inline constexpr const char* kRequests = "requests";   ///< client -> server
inline constexpr const char* kResponses = "responses"; ///< server -> client
inline constexpr const char* kMessages = "messages";   ///< priorities: the queue the messages wait in
inline constexpr const char* kControl = "control";     ///< priorities: "all sent", sender -> receiver

/// The "all sent" message is one byte: only its arrival matters.
inline constexpr long kControlSize = 1;

/// Priority of message `k` (0-based, in sending order). 13 is odd, so 13k + 7 mod 32 gives 32
/// distinct priorities, all below 32 (the least MQ_PRIO_MAX POSIX promises) and sent out of order,
/// so that the receiving order cannot be mistaken for first-in-first-out or last-in-first-out.
constexpr unsigned priorityOf(std::int64_t k) {
    return static_cast<unsigned>((13 * k + 7) % 32);
}

/// The most messages the priorities scenario sends: one per distinct priority above.
inline constexpr std::int64_t kMaxPriorityMessages = 32;

/// Length of message `k` of `count`, the first `size` bytes and each later one shorter: every
/// receive offers `size` bytes of room, and gets back exactly one message however much waits.
constexpr std::size_t lengthOf(std::int64_t k, std::int64_t count, std::int64_t size) {
    return static_cast<std::size_t>(std::max<std::int64_t>(1, size - size * k / count));
}

} // namespace ipclab::posixmq
