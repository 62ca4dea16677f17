#include "gui/tables/counter_model.h"

#include "gui/common/process_names.h"
#include "gui/common/text_format.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <algorithm>
#include <array>

namespace ipclab {

namespace {

constexpr std::array<Phase, 3> kLessonPhases{Phase::Setup, Phase::Transfer, Phase::Teardown};

bool isTransferColumn(int column) {
    return column == CounterModel::CrossingsTransfer || column == CounterModel::CopiesTransfer;
}

} // namespace

CounterModel::CounterModel(QObject* parent) : QAbstractTableModel(parent) {}

void CounterModel::clear() {
    beginResetModel();
    m_summary = Summary{};
    m_processes.clear();
    endResetModel();
}

void CounterModel::addEvents(std::span<const Event> batch, const ProcessNames& names) {
    bool counted = false;
    for (const Event& event : batch) {
        if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
            addProcess(started->pid, names.nameOf(started->pid));
        } else if (const auto* entered = std::get_if<SyscallEntered>(&event.payload)) {
            // Counted on entry: a process blocked inside the kernel has crossed already.
            addProcess(entered->call.pid, names.nameOf(entered->call.pid));
            m_summary.addCrossing(entered->call);
            counted = true;
        } else if (const auto* exited = std::get_if<SyscallExited>(&event.payload)) {
            addProcess(exited->call.pid, names.nameOf(exited->call.pid));
            m_summary.addCopy(exited->call);
            counted = true;
        }
    }
    if (counted) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void CounterModel::addProcess(int pid, const QString& name) {
    const bool known = std::any_of(m_processes.begin(), m_processes.end(),
                                   [pid](const Process& process) { return process.pid == pid; });
    if (known) {
        return;
    }
    const int row = static_cast<int>(m_processes.size());
    beginInsertRows({}, row, row);
    m_processes.push_back({pid, name});
    endInsertRows();
}

Tally CounterModel::tally(int row, Phase phase) const {
    if (row == totalRow()) {
        return m_summary.ofPhase(phase);
    }
    return m_summary.of(m_processes[static_cast<std::size_t>(row)].pid, phase);
}

std::uint64_t CounterModel::value(int row, Column column) const {
    if (row < 0 || row > totalRow()) {
        return 0;
    }
    switch (column) {
    case CrossingsSetup:
    case CrossingsTransfer:
    case CrossingsTeardown:
        return tally(row, kLessonPhases[static_cast<std::size_t>(column - CrossingsSetup)]).crossings;
    case CopiesSetup:
    case CopiesTransfer:
    case CopiesTeardown:
        return tally(row, kLessonPhases[static_cast<std::size_t>(column - CopiesSetup)]).copies;
    case BytesUserToKernel:
    case BytesKernelToUser: {
        Tally sum;
        for (Phase phase : kLessonPhases) {
            sum += tally(row, phase);
        }
        return column == BytesUserToKernel ? sum.bytesUserToKernel : sum.bytesKernelToUser;
    }
    case ColumnCount:
        break;
    }
    return 0;
}

int CounterModel::rowOf(const QString& name) const {
    if (name == QLatin1String("Total")) {
        return totalRow();
    }
    const auto found = std::find_if(m_processes.begin(), m_processes.end(),
                                    [&](const Process& process) { return process.name == name; });
    return found != m_processes.end() ? static_cast<int>(found - m_processes.begin()) : -1;
}

int CounterModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_processes.size()) + 1;
}

int CounterModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CounterModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return QLocale(QLocale::English).toString(static_cast<qulonglong>(value(index.row(), column)));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.row() == totalRow() || isTransferColumn(index.column())) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        // The transfer columns carry the lesson's claim (4 crossings, 4 copies per round trip).
        return isTransferColumn(index.column()) ? QBrush(QColor::fromRgb(0xfff6d9)) : QVariant();
    default:
        return {};
    }
}

QVariant CounterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role == Qt::DisplayRole && orientation == Qt::Vertical) {
        if (section == totalRow()) {
            return tr("Total");
        }
        return section >= 0 && section < totalRow() ? m_processes[static_cast<std::size_t>(section)].name : QVariant();
    }
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        static const std::array<const char*, ColumnCount> kTitles{
            "Crossings\nsetup", "Crossings\ntransfer", "Crossings\nteardown", "Copies\nsetup",
            "Copies\ntransfer", "Copies\nteardown",    "Bytes\nto kernel",    "Bytes\nto process"};
        return section >= 0 && section < ColumnCount ? tr(kTitles[static_cast<std::size_t>(section)]) : QVariant();
    }
    if (role == Qt::ToolTipRole && section >= BytesUserToKernel && section < ColumnCount) {
        return section == BytesUserToKernel
                   ? tr("Bytes copied user → kernel (writes, sends) during setup, transfer and teardown")
                   : tr("Bytes copied kernel → user (reads, receives) during setup, transfer and teardown");
    }
    return {};
}

} // namespace ipclab
