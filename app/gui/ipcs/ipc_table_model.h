#pragma once

#include "ipcs/ipc_tables.h"

#include <QAbstractTableModel>
#include <optional>
#include <vector>

namespace ipclab {

/// The ipcs table: every System V shared-memory segment, message queue and semaphore set, and
/// every POSIX shared-memory object in /dev/shm, as the kernel's tables listed them at the last
/// setObjects(). Rows keep their place when only figures change, so a selection survives the
/// periodic refresh. GUI thread only.
class IpcTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        IdColumn,
        KindColumn,
        OwnerColumn,
        ModeColumn,
        SizeColumn,
        CountColumn,
        CreatorColumn,
        LastPidColumn,
        ColumnCount
    };

    explicit IpcTableModel(QObject* parent = nullptr);

    /// Shows `objects`; resets only when the set of objects changed.
    void setObjects(std::vector<IpcObject> objects);
    const std::vector<IpcObject>& objects() const { return m_objects; }
    const IpcObject* objectAt(int row) const;
    /// The row of the object with this kind, id and key, if listed.
    std::optional<int> rowOf(const IpcObject& object) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "shared memory (System V)" and the like.
    static QString kindText(IpcObject::Kind kind);

private:
    QVariant display(const IpcObject& object, int column) const;

    std::vector<IpcObject> m_objects;
};

/// Same object: kind, id and key agree (the figures may differ).
bool sameIpcObject(const IpcObject& a, const IpcObject& b);

} // namespace ipclab
