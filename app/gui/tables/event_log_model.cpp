#include "gui/tables/event_log_model.h"

#include "gui/common/process_names.h"
#include "gui/common/text_format.h"
#include "gui/stage/stage_palette.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace ipclab {

EventLogModel::EventLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EventLogModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void EventLogModel::addEvents(std::span<const Event> batch, const ProcessNames& names) {
    std::vector<Row> added;
    for (const Event& event : batch) {
        Row row;
        row.cells[Time] = formatRunTime(event.timeNs);
        if (toRow(event, names, row)) {
            added.push_back(std::move(row));
        }
    }
    if (added.empty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    endInsertRows();
}

bool EventLogModel::toRow(const Event& event, const ProcessNames& names, Row& row) {
    auto& cells = row.cells;
    if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
        cells[Process] = names.nameOf(started->pid);
        cells[Call] = tr("started as %1 (pid %2)").arg(fromStd(started->role)).arg(started->pid);
        row.muted = true;
    } else if (const auto* exited = std::get_if<SyscallExited>(&event.payload)) {
        const SyscallRecord& call = exited->call;
        cells[Time] = formatRunTime(call.entryNs);
        cells[Process] = names.nameOf(call.pid);
        cells[Call] = fromStd(call.callText());
        cells[Result] = fromStd(call.resultText());
        cells[PhaseColumn] = phaseText(call.phase);
        if (call.movesData()) {
            const QString arrow = call.direction == CopyDirection::UserToKernel ? tr("→ kernel") : tr("→ process");
            cells[Bytes] =
                QLocale(QLocale::English).toString(static_cast<qulonglong>(call.copied)) + QLatin1Char(' ') + arrow;
            row.copy = call.direction;
        }
        row.muted = call.phase == Phase::Startup;
    } else if (const auto* phase = std::get_if<PhaseChanged>(&event.payload)) {
        cells[Process] = names.nameOf(phase->pid);
        cells[Call] = tr("%1 begins").arg(phaseText(phase->phase));
        cells[PhaseColumn] = phaseText(phase->phase);
        row.muted = true;
    } else if (const auto* ended = std::get_if<ProcessExited>(&event.payload)) {
        cells[Process] = names.nameOf(ended->pid);
        cells[Call] = ended->signaled ? tr("killed by signal %1").arg(ended->signal)
                                      : tr("exited with status %1").arg(ended->exitCode);
        row.muted = true;
    } else if (const auto* notice = std::get_if<Notice>(&event.payload)) {
        cells[Process] = tr("ipclab");
        cells[Call] = fromStd(notice->text);
        row.muted = true;
    } else {
        // Entries, holds and buffer samples are drawn on the stage; the log lists finished calls.
        return false;
    }
    return true;
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return row.cells[static_cast<std::size_t>(index.column())];
    case Qt::ForegroundRole:
        if (row.copy != CopyDirection::None && index.column() == Bytes) {
            return QBrush(row.copy == CopyDirection::UserToKernel ? StagePalette::copyUserToKernel()
                                                                  : StagePalette::copyKernelToUser());
        }
        return row.muted ? QBrush(StagePalette::mutedText()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Time || index.column() == Bytes) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return tr("Time");
    case Process:
        return tr("Process");
    case Call:
        return tr("Call");
    case Result:
        return tr("Result");
    case PhaseColumn:
        return tr("Phase");
    case Bytes:
        return tr("Copied");
    default:
        return {};
    }
}

} // namespace ipclab
