#pragma once

#include <cstdint>
#include <span>

namespace ipclab {

/// A byte pattern that differs per message and per byte, so that a lost, repeated or shifted
/// byte is caught by checkPayload(). `seed` names the message (round, direction).
void fillPayload(std::span<std::uint8_t> bytes, std::uint64_t seed);
bool checkPayload(std::span<const std::uint8_t> bytes, std::uint64_t seed);
/// Checks a piece of a message that starts `offset` bytes into it (a stream delivers pieces).
bool checkPayloadAt(std::span<const std::uint8_t> bytes, std::uint64_t seed, std::size_t offset);

/// Seeds for request and response of round `round`, distinct from each other.
inline std::uint64_t requestSeed(std::uint64_t round) {
    return round * 2 + 1;
}
inline std::uint64_t responseSeed(std::uint64_t round) {
    return round * 2 + 2;
}

} // namespace ipclab
