#include "gui/stage/stage_geometry.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

TEST(StageGeometry, ProcessesAlternateAroundTheKernelNearestFirst) {
    EXPECT_EQ(StageGeometry::slotForProcess(0), -1);
    EXPECT_EQ(StageGeometry::slotForProcess(1), 1);
    EXPECT_EQ(StageGeometry::slotForProcess(2), -2);
    EXPECT_EQ(StageGeometry::slotForProcess(3), 2);
    EXPECT_EQ(StageGeometry::slotForProcess(4), -3);
    EXPECT_EQ(StageGeometry::outermostSlot(0), 0);
    EXPECT_EQ(StageGeometry::outermostSlot(1), 1);
    EXPECT_EQ(StageGeometry::outermostSlot(2), 1);
    EXPECT_EQ(StageGeometry::outermostSlot(3), 2);
}

TEST(StageGeometry, KernelIsCentredAndLanesAreSymmetric) {
    const StageGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.laneCentreX(0), 0.0);
    EXPECT_DOUBLE_EQ(geometry.laneWidth(0), geometry.kernelLaneWidth);
    for (int slot = 1; slot <= 3; ++slot) {
        EXPECT_DOUBLE_EQ(geometry.laneCentreX(-slot), -geometry.laneCentreX(slot));
        EXPECT_DOUBLE_EQ(geometry.laneWidth(slot), geometry.processLaneWidth);
    }
}

TEST(StageGeometry, NeighbouringLanesKeepTheGapAndNeverOverlap) {
    const StageGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.laneLeft(1) - geometry.laneRight(0), geometry.laneGap);
    EXPECT_DOUBLE_EQ(geometry.laneLeft(0) - geometry.laneRight(-1), geometry.laneGap);
    EXPECT_DOUBLE_EQ(geometry.laneLeft(2) - geometry.laneRight(1), geometry.laneGap);
    EXPECT_DOUBLE_EQ(geometry.laneLeft(-1) - geometry.laneRight(-2), geometry.laneGap);
}

TEST(StageGeometry, CrossingsAndCopiesLandInsideTheKernelOnTheProcessSide) {
    const StageGeometry geometry;
    for (int slot : {-2, -1, 1, 2}) {
        const double contact = geometry.kernelContactX(slot);
        const double buffer = geometry.kernelBufferX(slot);
        EXPECT_GT(contact, geometry.laneLeft(0));
        EXPECT_LT(contact, geometry.laneRight(0));
        EXPECT_GT(buffer, geometry.laneLeft(0));
        EXPECT_LT(buffer, geometry.laneRight(0));
        EXPECT_EQ(contact < 0.0, slot < 0) << "slot " << slot;
        EXPECT_EQ(buffer < 0.0, slot < 0) << "slot " << slot;
    }
}

TEST(StageGeometry, RowsRunDownwardBelowTheHeadersAndInvert) {
    const StageGeometry geometry;
    EXPECT_GT(geometry.rowY(0), geometry.kernelHeaderHeight(geometry.reservedGauges));
    for (int row = 0; row < 50; ++row) {
        EXPECT_DOUBLE_EQ(geometry.rowY(row + 1) - geometry.rowY(row), geometry.rowHeight);
        EXPECT_EQ(geometry.rowAt(geometry.rowY(row)), row);
    }
    EXPECT_EQ(geometry.rowAt(-100.0), 0);
    EXPECT_GT(geometry.bodyBottom(10), geometry.rowY(9));
    EXPECT_GT(geometry.bodyBottom(11), geometry.bodyBottom(10));
}

TEST(StageGeometry, KernelHeaderGrowsByOneGaugePerChannel) {
    const StageGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.kernelHeaderHeight(0), geometry.headerHeight);
    EXPECT_DOUBLE_EQ(geometry.kernelHeaderHeight(3) - geometry.kernelHeaderHeight(2), geometry.gaugeHeight);
}

TEST(StageGeometry, SceneHoldsEveryLaneWithMarginsAroundACentredKernel) {
    const StageGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.sceneLeft(0), geometry.laneLeft(0) - geometry.margin);
    EXPECT_DOUBLE_EQ(geometry.sceneLeft(2), geometry.laneLeft(-1) - geometry.margin);
    EXPECT_DOUBLE_EQ(geometry.sceneRight(2), geometry.laneRight(1) + geometry.margin);
    // Three processes: two on the left, one on the right, and the kernel still centred.
    EXPECT_DOUBLE_EQ(geometry.sceneRight(3), geometry.laneRight(2) + geometry.margin);
    EXPECT_DOUBLE_EQ(geometry.sceneLeft(3), -geometry.sceneRight(3));
    EXPECT_DOUBLE_EQ(geometry.sceneLeft(3), geometry.laneLeft(-2) - geometry.margin);
}

} // namespace
} // namespace ipclab
