#pragma once

#include "events/event.h"
#include "gui/common/event_view.h"

#include <QAbstractTableModel>
#include <QString>
#include <array>
#include <vector>

namespace ipclab {

/// The run as a table: one row per finished system call, plus rows for processes starting and
/// ending, phase changes and notices. Columns: time, process, call, result, phase, bytes.
/// Rows are appended in batches. GUI thread only.
class EventLogModel : public QAbstractTableModel, public EventView {
    Q_OBJECT
public:
    enum Column { Time, Process, Call, Result, PhaseColumn, Bytes, ColumnCount };

    explicit EventLogModel(QObject* parent = nullptr);

    void clear() override;
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        std::array<QString, ColumnCount> cells;
        CopyDirection copy = CopyDirection::None; ///< shown in the colour of its direction
        bool muted = false;                       ///< not a system call of the lesson (start-up, markers)
    };

    bool toRow(const Event& event, const ProcessNames& names, Row& row);

    std::vector<Row> m_rows;
};

} // namespace ipclab
