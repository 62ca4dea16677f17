#include "gui/ipcs/ipc_table_model.h"

#include "gui/common/text_format.h"

#include <QLocale>
#include <algorithm>

namespace ipclab {

namespace {
QString number(std::uint64_t value) {
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(value));
}
QString pidText(int pid) {
    return pid > 0 ? QString::number(pid) : QStringLiteral("—");
}
} // namespace

bool sameIpcObject(const IpcObject& a, const IpcObject& b) {
    return a.kind == b.kind && a.id == b.id && a.key == b.key;
}

IpcTableModel::IpcTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString IpcTableModel::kindText(IpcObject::Kind kind) {
    switch (kind) {
    case IpcObject::Kind::SysvShm:
        return tr("shared memory (System V)");
    case IpcObject::Kind::SysvMsg:
        return tr("message queue (System V)");
    case IpcObject::Kind::SysvSem:
        return tr("semaphore set (System V)");
    case IpcObject::Kind::PosixShm:
        return tr("shared memory (POSIX)");
    }
    return {};
}

void IpcTableModel::setObjects(std::vector<IpcObject> objects) {
    const bool sameSet = std::equal(objects.begin(), objects.end(), m_objects.begin(), m_objects.end(), sameIpcObject);
    if (!sameSet) {
        beginResetModel();
        m_objects = std::move(objects);
        endResetModel();
        return;
    }
    m_objects = std::move(objects);
    if (!m_objects.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

const IpcObject* IpcTableModel::objectAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_objects[static_cast<std::size_t>(row)] : nullptr;
}

std::optional<int> IpcTableModel::rowOf(const IpcObject& object) const {
    const auto found = std::find_if(m_objects.begin(), m_objects.end(),
                                    [&](const IpcObject& listed) { return sameIpcObject(listed, object); });
    if (found == m_objects.end()) {
        return std::nullopt;
    }
    return static_cast<int>(found - m_objects.begin());
}

int IpcTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_objects.size());
}

int IpcTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IpcTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const IpcObject& object = m_objects[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        return display(object, index.column());
    }
    if (role == Qt::TextAlignmentRole && index.column() != KeyColumn && index.column() != KindColumn &&
        index.column() != OwnerColumn) {
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    return {};
}

QVariant IpcTableModel::display(const IpcObject& object, int column) const {
    const bool posix = object.kind == IpcObject::Kind::PosixShm;
    switch (column) {
    case KeyColumn:
        return fromStd(object.key);
    case IdColumn:
        return posix ? QStringLiteral("—") : QString::number(object.id);
    case KindColumn:
        return kindText(object.kind);
    case OwnerColumn:
        return fromStd(object.owner);
    case ModeColumn:
        return QStringLiteral("0%1").arg(object.mode, 3, 8, QLatin1Char('0'));
    case SizeColumn:
        if (object.kind == IpcObject::Kind::SysvSem) {
            return tr("%1 semaphore(s)").arg(object.size);
        }
        return object.kind == IpcObject::Kind::SysvMsg ? tr("%1 B queued").arg(number(object.size))
                                                       : tr("%1 B").arg(number(object.size));
    case CountColumn:
        if (object.kind == IpcObject::Kind::SysvShm) {
            return tr("%1 attached").arg(object.count);
        }
        return object.kind == IpcObject::Kind::SysvMsg ? tr("%1 message(s)").arg(object.count) : QStringLiteral("—");
    case CreatorColumn:
        return pidText(object.creatorPid);
    case LastPidColumn:
        return pidText(object.lastPid);
    default:
        return {};
    }
}

QVariant IpcTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KeyColumn:
        return tr("Key / name");
    case IdColumn:
        return tr("Id");
    case KindColumn:
        return tr("Kind");
    case OwnerColumn:
        return tr("Owner");
    case ModeColumn:
        return tr("Mode");
    case SizeColumn:
        return tr("Size");
    case CountColumn:
        return tr("Attached / messages");
    case CreatorColumn:
        return tr("Creator pid");
    case LastPidColumn:
        return tr("Last pid");
    default:
        return {};
    }
}

} // namespace ipclab
