#include "gui/stage/stage_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ipclab {

int StageGeometry::slotForProcess(int ordinal) {
    const int distance = ordinal / 2 + 1;
    return ordinal % 2 == 0 ? -distance : distance;
}

int StageGeometry::outermostSlot(int processCount) {
    return (std::max(processCount, 0) + 1) / 2;
}

double StageGeometry::laneWidth(int slot) const {
    return slot == 0 ? kernelLaneWidth : processLaneWidth;
}

double StageGeometry::laneCentreX(int slot) const {
    if (slot == 0) {
        return 0.0;
    }
    const int distance = std::abs(slot);
    const double offset =
        kernelLaneWidth / 2.0 + laneGap + processLaneWidth / 2.0 + (distance - 1) * (processLaneWidth + laneGap);
    return slot < 0 ? -offset : offset;
}

double StageGeometry::kernelContactX(int slot) const {
    if (slot == 0) {
        return 0.0;
    }
    return slot < 0 ? -arrowInset : arrowInset;
}

double StageGeometry::kernelBufferX(int slot) const {
    if (slot == 0) {
        return 0.0;
    }
    return (slot < 0 ? -1.0 : 1.0) * kernelLaneWidth / 4.0;
}

double StageGeometry::kernelHeaderHeight(int gaugeCount) const {
    return headerHeight + std::max(gaugeCount, 0) * gaugeHeight;
}

double StageGeometry::rowY(int row) const {
    return kernelHeaderHeight(reservedGauges) + rowHeight * (std::max(row, 0) + 0.5);
}

int StageGeometry::rowAt(double y) const {
    const double fromFirst = (y - kernelHeaderHeight(reservedGauges)) / rowHeight;
    return fromFirst <= 0.0 ? 0 : static_cast<int>(std::floor(fromFirst));
}

double StageGeometry::bodyBottom(int rowCount) const {
    return kernelHeaderHeight(reservedGauges) + rowHeight * std::max(rowCount, 0) + margin;
}

double StageGeometry::sceneLeft(int processCount) const {
    const int slot = outermostSlot(processCount);
    return (slot == 0 ? laneLeft(0) : laneLeft(-slot)) - margin;
}

double StageGeometry::sceneRight(int processCount) const {
    const int slot = outermostSlot(processCount);
    return (slot == 0 ? laneRight(0) : laneRight(slot)) + margin;
}

} // namespace ipclab
