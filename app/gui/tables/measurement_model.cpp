#include "gui/tables/measurement_model.h"

namespace ipclab {

void MeasurementModel::setMeasurements(std::vector<Measurement> measurements) {
    beginResetModel();
    m_rows = std::move(measurements);
    endResetModel();
}

int MeasurementModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MeasurementModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MeasurementModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const Measurement& m = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Value ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case What:
        return QString::fromStdString(m.name);
    case Placement:
        return QString::fromStdString(m.placement);
    case Value:
        return QStringLiteral("%1 %2").arg(m.value, 0, 'f', 1).arg(QString::fromStdString(m.unit));
    case Method:
        return QString::fromStdString(m.method);
    default:
        return {};
    }
}

QVariant MeasurementModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case What:
        return tr("Measured");
    case Placement:
        return tr("CPU placement");
    case Value:
        return tr("Median");
    case Method:
        return tr("How");
    default:
        return {};
    }
}

} // namespace ipclab
