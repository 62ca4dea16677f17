#include "gui/memory/shared_page_model.h"

#include "gui/common/text_format.h"
#include "gui/memory/memory_text.h"
#include "gui/memory/region_fields_text.h"
#include "gui/stage/stage_palette.h"
#include "observe/pagemap_reader.h"

namespace ipclab {

SharedPageModel::SharedPageModel(QObject* parent) : QAbstractTableModel(parent) {}

void SharedPageModel::clear() {
    beginResetModel();
    m_processes.clear();
    m_accents.clear();
    m_rows.clear();
    endResetModel();
}

void SharedPageModel::update(const MappingTracker& tracker) {
    QStringList processes;
    std::vector<QColor> accents;
    const auto mapped = tracker.mapped();
    for (const MappingTracker::Process* process : mapped) {
        processes << fromStd(process->name);
        accents.push_back(StagePalette::processAccent(process->ordinal));
    }
    std::vector<Row> rows(tracker.pageCount());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        QStringList mappers;
        for (const MappingTracker::Process* process : mapped) {
            const MappingSnapshot& snapshot = *process->latest;
            Cell cell;
            cell.mapped = i < snapshot.pages.size();
            cell.present = cell.mapped && snapshot.pages[i].present;
            cell.address = cell.mapped ? snapshot.pages[i].address : 0;
            row.offset = snapshot.offset + i * pageSize();
            row.cells.push_back(cell);
            if (cell.mapped) {
                mappers << fromStd(process->name);
            }
        }
        row.mappedBy = mappers.join(QStringLiteral(", "));
        QStringList writers;
        for (const int pid : tracker.writers(i)) {
            writers << fromStd(tracker.nameOf(pid));
        }
        row.writtenBy = writers.isEmpty() ? (tracker.writesSeen() ? tr("nobody seen") : tr("unknown"))
                                          : writers.join(QStringLiteral(", "));
        const std::optional<int> writer = tracker.lastWriter(i);
        row.lastWriter = writer ? fromStd(tracker.nameOf(*writer)) : tr("unknown");
        if (!mapped.empty()) {
            const std::vector<RegionField>& fields = mapped.front()->latest->fields;
            row.holds = region_fields_text::namesIn(fields, i * pageSize(), pageSize()).join(QStringLiteral(", "));
            row.holdsDetail =
                region_fields_text::legendForPage(fields, i * pageSize(), pageSize()).join(QLatin1Char('\n'));
        }
    }
    if (processes != m_processes || rows.size() != m_rows.size()) {
        beginResetModel();
        m_processes = processes;
        m_accents = accents;
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
}

int SharedPageModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SharedPageModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : holdsColumn() + 1;
}

QVariant SharedPageModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (column >= FirstProcessColumn && column < mappedByColumn()) {
        return processCell(row, column - FirstProcessColumn, role);
    }
    if (column == holdsColumn() && role == Qt::ToolTipRole && !row.holdsDetail.isEmpty()) {
        return row.holdsDetail;
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    if (column == holdsColumn()) {
        return row.holds;
    }
    if (column == PageColumn) {
        return index.row();
    }
    if (column == OffsetColumn) {
        return memory_text::address(row.offset);
    }
    if (column == mappedByColumn()) {
        return row.mappedBy;
    }
    return column == writtenByColumn() ? row.writtenBy : row.lastWriter;
}

QVariant SharedPageModel::processCell(const Row& row, int process, int role) const {
    const Cell& cell = row.cells[static_cast<std::size_t>(process)];
    if (role == Qt::DisplayRole) {
        if (!cell.mapped) {
            return tr("not mapped");
        }
        return cell.present ? tr("present") : tr("not present");
    }
    if (role == Qt::ToolTipRole && cell.mapped) {
        return tr("at %1 in this process").arg(memory_text::address(cell.address));
    }
    if (role == Qt::BackgroundRole && cell.present) {
        const QColor& accent = m_accents[static_cast<std::size_t>(process)];
        return QColor::fromHsl(accent.hslHue(), accent.hslSaturation(), 228);
    }
    if (role == Qt::ForegroundRole && !cell.present) {
        return StagePalette::mutedText();
    }
    return {};
}

QVariant SharedPageModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == holdsColumn()) {
        return tr("The fields the program laid out in this page, as its processes announced them: a process-shared "
                  "mutex works only because it lives here, inside the shared pages (§14).");
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= writtenByColumn() &&
        section < holdsColumn()) {
        return tr("From the kernel's soft-dirty bits, cleared when each process mapped the object: a set bit means "
                  "that process wrote the page. \"unknown\" until a write was seen: some kernels cannot track them.");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount()) {
        return {};
    }
    if (section == PageColumn) {
        return tr("Page");
    }
    if (section == OffsetColumn) {
        return tr("Offset");
    }
    if (section < mappedByColumn()) {
        return tr("In %1").arg(m_processes[section - FirstProcessColumn]);
    }
    if (section == mappedByColumn()) {
        return tr("Mapped by");
    }
    if (section == holdsColumn()) {
        return tr("Holds");
    }
    return section == writtenByColumn() ? tr("Written by") : tr("Last writer");
}

} // namespace ipclab
