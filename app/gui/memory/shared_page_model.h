#pragma once

#include "gui/memory/mapping_tracker.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace ipclab {

/// The shared-page grid: one row per page of the object; for each process whether that page is
/// present in it (and at which of its addresses), which processes map the page, which wrote it
/// and which wrote it last ("unknown" until a sample caught a write, or when the kernel cannot
/// track writes), and what the program keeps in the page. Holds a copy of what it shows, taken by
/// update(). GUI thread only.
class SharedPageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum FixedColumn { PageColumn, OffsetColumn, FirstProcessColumn };

    explicit SharedPageModel(QObject* parent = nullptr);

    /// Copies the grid from `tracker`; resets when the rows or the process columns changed.
    void update(const MappingTracker& tracker);
    void clear();

    int mappedByColumn() const { return FirstProcessColumn + static_cast<int>(m_processes.size()); }
    int writtenByColumn() const { return mappedByColumn() + 1; }
    int lastWriterColumn() const { return mappedByColumn() + 2; }
    /// What the program keeps in the page (the counter, the mutex...), as its workers announced.
    int holdsColumn() const { return mappedByColumn() + 3; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Cell {
        bool mapped = false;
        bool present = false;
        std::uint64_t address = 0;
    };
    struct Row {
        std::uint64_t offset = 0;
        std::vector<Cell> cells; ///< one per process column
        QString mappedBy;
        QString writtenBy;
        QString lastWriter;
        QString holds;
        QString holdsDetail; ///< the full legend, for the tooltip
    };

    QVariant processCell(const Row& row, int process, int role) const;

    QStringList m_processes;
    std::vector<QColor> m_accents;
    std::vector<Row> m_rows;
};

} // namespace ipclab
