#pragma once

#include "events/event.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace ipclab::region_fields_text {

/// "mutex" from "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)": the name before any remark.
QString shortName(const RegionField& field);

/// The fields that overlap [from, from + length), by short name, in offset order.
QStringList namesIn(const std::vector<RegionField>& fields, std::uint64_t from, std::uint64_t length);

/// One legend line per field overlapping the page at `pageStart`: "0x0010..0x0037  mutex (…)".
QStringList legendForPage(const std::vector<RegionField>& fields, std::uint64_t pageStart, std::uint64_t pageSize);

/// `lines` (hexDumpLines of bytes numbered from `offset`, `perLine` bytes each) with "  <- counter"
/// appended to each line that holds part of a field. Pure; any thread.
QStringList annotateDump(QStringList lines, const std::vector<RegionField>& fields, std::uint64_t offset,
                         int perLine = 16);

} // namespace ipclab::region_fields_text
