#include "mechanisms/worker/payload.h"

namespace ipclab {

namespace {

std::uint8_t patternByte(std::size_t index, std::uint64_t seed) {
    // A multiplicative hash of (index, seed): cheap, and no two neighbouring bytes or messages agree.
    const std::uint64_t x = (index + 1) * 0x9E3779B97F4A7C15ULL ^ seed * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::uint8_t>(x >> 56);
}

} // namespace

void fillPayload(std::span<std::uint8_t> bytes, std::uint64_t seed) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = patternByte(i, seed);
    }
}

bool checkPayload(std::span<const std::uint8_t> bytes, std::uint64_t seed) {
    return checkPayloadAt(bytes, seed, 0);
}

bool checkPayloadAt(std::span<const std::uint8_t> bytes, std::uint64_t seed, std::size_t offset) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] != patternByte(offset + i, seed)) {
            return false;
        }
    }
    return true;
}

} // namespace ipclab
