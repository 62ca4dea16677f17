#include "gui/memory/region_fields_text.h"

#include "gui/common/text_format.h"

#include <algorithm>

namespace ipclab::region_fields_text {

namespace {

bool overlaps(const RegionField& field, std::uint64_t from, std::uint64_t length) {
    const std::uint64_t start = field.offset;
    const std::uint64_t end = start + field.length;
    return field.length > 0 && start < from + length && end > from;
}

std::vector<RegionField> sortedByOffset(std::vector<RegionField> fields) {
    std::stable_sort(fields.begin(), fields.end(),
                     [](const RegionField& a, const RegionField& b) { return a.offset < b.offset; });
    return fields;
}

QString hex(std::uint64_t value) {
    return QStringLiteral("0x%1").arg(value, 4, 16, QLatin1Char('0'));
}

} // namespace

QString shortName(const RegionField& field) {
    const QString name = fromStd(field.name);
    const qsizetype remark = name.indexOf(QStringLiteral(" ("));
    return remark < 0 ? name : name.left(remark);
}

QStringList namesIn(const std::vector<RegionField>& fields, std::uint64_t from, std::uint64_t length) {
    QStringList names;
    for (const RegionField& field : sortedByOffset(fields)) {
        if (overlaps(field, from, length)) {
            names << shortName(field);
        }
    }
    return names;
}

QStringList legendForPage(const std::vector<RegionField>& fields, std::uint64_t pageStart, std::uint64_t pageSize) {
    QStringList legend;
    for (const RegionField& field : sortedByOffset(fields)) {
        if (overlaps(field, pageStart, pageSize)) {
            legend << QStringLiteral("%1..%2  %3 (%4 bytes)")
                          .arg(hex(field.offset), hex(field.offset + field.length - 1), fromStd(field.name))
                          .arg(field.length);
        }
    }
    return legend;
}

QStringList annotateDump(QStringList lines, const std::vector<RegionField>& fields, std::uint64_t offset, int perLine) {
    const auto width = static_cast<std::uint64_t>(std::max(1, perLine));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList names = namesIn(fields, offset + static_cast<std::uint64_t>(i) * width, width);
        if (!names.isEmpty()) {
            lines[i] += QStringLiteral("  <- ") + names.join(QStringLiteral(", "));
        }
    }
    return lines;
}

} // namespace ipclab::region_fields_text
