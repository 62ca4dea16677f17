#include "gui/sync/sync_timeline_geometry.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

TEST(SyncTimelineGeometry, TimeAndPixelsConvertBothWays) {
    SyncTimelineGeometry geometry;
    geometry.originNs = 5'000'000;
    geometry.pixelsPerMs = 100.0;
    const double start = geometry.labelWidth + geometry.leftPadding;
    EXPECT_DOUBLE_EQ(geometry.xForTime(5'000'000), start);
    EXPECT_DOUBLE_EQ(geometry.xForTime(6'000'000), start + 100.0);
    EXPECT_DOUBLE_EQ(geometry.xForTime(5'500'000), start + 50.0);
    EXPECT_DOUBLE_EQ(geometry.widthForDuration(2'000'000), 200.0);
    for (const std::int64_t ns : {5'000'000LL, 5'000'010LL, 7'123'450LL, 60'000'000LL}) {
        EXPECT_EQ(geometry.timeForX(geometry.xForTime(ns)), ns);
    }
}

TEST(SyncTimelineGeometry, ARunFitsTheWidthUntilItWouldBeTooCrowded) {
    SyncTimelineGeometry geometry;
    const double width = 1200.0;
    const double room = width - geometry.labelWidth - geometry.leftPadding - geometry.rightMargin;
    geometry.fit(10'000'000, width); // 10 ms
    EXPECT_DOUBLE_EQ(geometry.pixelsPerMs, room / 10.0);
    EXPECT_NEAR(geometry.sceneWidth(10'000'000), width, 1e-9);

    geometry.fit(3'600'000'000'000, width); // an hour would be crowded: the scale stops, the scene grows
    EXPECT_DOUBLE_EQ(geometry.pixelsPerMs, geometry.minPixelsPerMs);
    EXPECT_GT(geometry.sceneWidth(3'600'000'000'000), width);

    geometry.fit(0, width); // nothing yet: no division by zero, a finite scale
    EXPECT_LE(geometry.pixelsPerMs, geometry.maxPixelsPerMs);
}

TEST(SyncTimelineGeometry, LanesStackWithBandsInside) {
    const SyncTimelineGeometry geometry;
    for (int lane = 0; lane < 8; ++lane) {
        EXPECT_DOUBLE_EQ(geometry.laneTop(lane + 1) - geometry.laneBottom(lane), geometry.laneGap);
        EXPECT_GE(geometry.holdTop(lane), geometry.laneTop(lane));
        EXPECT_GE(geometry.blockedTop(lane), geometry.holdTop(lane) + geometry.holdHeight());
        EXPECT_LE(geometry.blockedTop(lane) + geometry.blockedHeight(),
                  geometry.laneBottom(lane) - geometry.tickHeight());
        EXPECT_EQ(geometry.laneAt(geometry.laneCentre(lane), 8), lane);
    }
    EXPECT_EQ(geometry.laneAt(geometry.laneCentre(3), 3), -1);
    EXPECT_EQ(geometry.laneAt(1.0, 3), -1);
    EXPECT_EQ(geometry.laneAt(geometry.laneBottom(0) + geometry.laneGap / 2.0, 3), -1);
    EXPECT_DOUBLE_EQ(geometry.sceneHeight(2), geometry.laneBottom(1) + 2.0 * geometry.laneGap);
}

TEST(SyncTimelineGeometry, LanesShareTheHeightWithinLimits) {
    SyncTimelineGeometry geometry;
    geometry.fitHeight(400.0, 8); // too small for eight: the minimum, the view scrolls
    EXPECT_DOUBLE_EQ(geometry.laneHeight, geometry.minLaneHeight);
    geometry.fitHeight(2000.0, 2); // two on a tall screen: capped
    EXPECT_DOUBLE_EQ(geometry.laneHeight, geometry.maxLaneHeight);
    geometry.fitHeight(geometry.axisHeight + geometry.laneGap + 4 * (90.0 + geometry.laneGap), 4);
    EXPECT_DOUBLE_EQ(geometry.laneHeight, 90.0);
    EXPECT_DOUBLE_EQ(geometry.sceneHeight(4), geometry.axisHeight + geometry.laneGap + 4 * (90.0 + geometry.laneGap));
}

TEST(SyncTimelineGeometry, AxisStepsAreRoundAndFarEnoughApart) {
    SyncTimelineGeometry geometry;
    geometry.pixelsPerMs = 100.0; // 1 ms = 100 px
    EXPECT_EQ(geometry.tickStepNs(90.0), 1'000'000);
    geometry.pixelsPerMs = 10.0;
    EXPECT_EQ(geometry.tickStepNs(90.0), 10'000'000);
    geometry.pixelsPerMs = 30.0; // 90 px = 3 ms: the next round step is 5 ms
    EXPECT_EQ(geometry.tickStepNs(90.0), 5'000'000);
    geometry.pixelsPerMs = 1.0e5;
    EXPECT_EQ(geometry.tickStepNs(90.0), 1'000);
}

} // namespace
} // namespace ipclab
