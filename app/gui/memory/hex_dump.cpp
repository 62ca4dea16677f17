#include "gui/memory/hex_dump.h"

#include <algorithm>

namespace ipclab {

QStringList hexDumpLines(const std::vector<std::uint8_t>& bytes, std::uint64_t offset, int perLine) {
    QStringList lines;
    const std::size_t width = static_cast<std::size_t>(std::max(1, perLine));
    for (std::size_t start = 0; start < bytes.size(); start += width) {
        QString hex;
        QString ascii;
        for (std::size_t i = start; i < start + width; ++i) {
            if (i < bytes.size()) {
                const std::uint8_t byte = bytes[i];
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QChar(byte) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   "); // keeps the ASCII column aligned on a short last line
            }
        }
        lines << QStringLiteral("%1  %2 |%3|").arg(offset + start, 4, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return lines;
}

} // namespace ipclab
