#pragma once

#include <QStringList>
#include <cstdint>
#include <vector>

namespace ipclab {

/// Classic hex/ASCII dump lines of `bytes`, numbered from `offset`: "0040  48 65 6c 6c 6f 00
/// …  |Hello.…|". Bytes outside printable ASCII show as '.' on the right. Pure; any thread.
QStringList hexDumpLines(const std::vector<std::uint8_t>& bytes, std::uint64_t offset, int perLine = 16);

} // namespace ipclab
