#pragma once

#include "events/event.h"
#include "gui/common/event_view.h"
#include "session/summary.h"

#include <QAbstractTableModel>
#include <QString>
#include <cstdint>
#include <vector>

namespace ipclab {

/// Crossings, copies and bytes per process and phase, counted by core's Summary from the
/// SyscallExited events of a run. Rows: each process in order of start, then Total. Bytes are
/// summed over the lesson's phases (setup, transfer, teardown); the observer's start-up is left
/// out everywhere. GUI thread only.
class CounterModel : public QAbstractTableModel, public EventView {
    Q_OBJECT
public:
    enum Column {
        CrossingsSetup,
        CrossingsTransfer,
        CrossingsTeardown,
        CopiesSetup,
        CopiesTransfer,
        CopiesTeardown,
        BytesUserToKernel,
        BytesKernelToUser,
        ColumnCount
    };

    explicit CounterModel(QObject* parent = nullptr);

    void clear() override;
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override;

    /// The number shown at `row`, `column` (the last row is the total).
    std::uint64_t value(int row, Column column) const;
    /// The row of the process called `name`, the total for "Total", or -1.
    int rowOf(const QString& name) const;
    int totalRow() const { return static_cast<int>(m_processes.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Process {
        int pid = 0;
        QString name;
    };

    void addProcess(int pid, const QString& name);
    Tally tally(int row, Phase phase) const;

    Summary m_summary;
    std::vector<Process> m_processes;
};

} // namespace ipclab
