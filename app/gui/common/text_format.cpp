#include "gui/common/text_format.h"

#include <QLocale>

namespace ipclab {

QString formatBytes(std::uint64_t bytes) {
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(bytes)) + QStringLiteral(" B");
}

QString formatRunTime(std::int64_t ns) {
    // Paced runs last seconds: switch unit so the column stays narrow and readable.
    if (ns >= 1'000'000'000) {
        return QString::number(static_cast<double>(ns) / 1e9, 'f', 3) + QStringLiteral(" s");
    }
    return QString::number(static_cast<double>(ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
}

QString phaseText(Phase phase) {
    return QString::fromLatin1(phaseName(phase));
}

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace ipclab
