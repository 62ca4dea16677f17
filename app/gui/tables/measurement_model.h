#pragma once

#include "events/measurement.h"

#include <QAbstractTableModel>
#include <vector>

namespace ipclab {

/// The figures a run measured untraced after its traced part (round-trip medians per CPU
/// placement), one row each: what, where the processes ran, the value, and how it was measured.
/// GUI thread only.
class MeasurementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { What, Placement, Value, Method, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setMeasurements(std::vector<Measurement> measurements);
    void clear() { setMeasurements({}); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Measurement> m_rows;
};

} // namespace ipclab
