#include "gui/memory/memory_geometry.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

TEST(MemoryGeometry, ProcessColumnsAlternateAroundTheFramesAndNeverOverlapThem) {
    const MemoryGeometry geometry;
    EXPECT_EQ(MemoryGeometry::slotForProcess(0), -1);
    EXPECT_EQ(MemoryGeometry::slotForProcess(1), 1);
    EXPECT_EQ(MemoryGeometry::slotForProcess(2), -2);
    EXPECT_DOUBLE_EQ(geometry.columnRight(-1), -geometry.columnLeft(1));
    EXPECT_DOUBLE_EQ(geometry.framesLeft() - geometry.columnRight(-1), geometry.linkSpan);
    EXPECT_DOUBLE_EQ(geometry.columnLeft(1) - geometry.framesRight(), geometry.linkSpan);
    EXPECT_DOUBLE_EQ(geometry.columnLeft(2) - geometry.columnRight(1), geometry.columnGap);
    EXPECT_DOUBLE_EQ(geometry.columnLeft(-1) - geometry.columnRight(-2), geometry.columnGap);
}

TEST(MemoryGeometry, LinesRunFromThePageSideFacingTheFramesToTheFrameEdge) {
    const MemoryGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.linkStartX(-1), geometry.columnRight(-1));
    EXPECT_DOUBLE_EQ(geometry.linkEndX(-1), geometry.framesLeft());
    EXPECT_DOUBLE_EQ(geometry.linkStartX(1), geometry.columnLeft(1));
    EXPECT_DOUBLE_EQ(geometry.linkEndX(1), geometry.framesRight());
}

TEST(MemoryGeometry, PagesRunDownwardOnePitchApart) {
    const MemoryGeometry geometry;
    const double top = geometry.rowsTop();
    EXPECT_GT(top, geometry.headerHeight);
    EXPECT_DOUBLE_EQ(geometry.pageY(0, top), top);
    EXPECT_DOUBLE_EQ(geometry.pageY(3, top) - geometry.pageY(2, top), geometry.rowPitch);
    EXPECT_DOUBLE_EQ(geometry.rowsBottom(0, top), top);
    EXPECT_DOUBLE_EQ(geometry.rowsBottom(4, top), geometry.pageY(3, top) + geometry.pageHeight);
}

TEST(MemoryGeometry, FramesAreSortedOnceEachWithAGapWhereTheyAreNotNeighbours) {
    const MemoryGeometry geometry;
    const FrameLayout layout = geometry.layoutFrames({52, 10, 11, 1000, 50, 51, 11, 10}, 100.0);
    ASSERT_EQ(layout.frames.size(), 6u);
    const std::vector<std::uint64_t> expected{10, 11, 50, 51, 52, 1000};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(layout.frames[i].pfn, expected[i]);
    }
    ASSERT_EQ(layout.gaps.size(), 2u);
    EXPECT_EQ(layout.gaps[0].skipped, 38u);  // 12 .. 49
    EXPECT_EQ(layout.gaps[1].skipped, 947u); // 53 .. 999
    // Neighbours in RAM sit one pitch apart; a gap adds its own height.
    EXPECT_DOUBLE_EQ(layout.frames[0].y, 100.0);
    EXPECT_DOUBLE_EQ(layout.frames[1].y - layout.frames[0].y, geometry.rowPitch);
    EXPECT_DOUBLE_EQ(layout.frames[2].y - layout.frames[1].y, geometry.rowPitch + geometry.gapHeight);
    // A gap marker fills the space between the two frames' boxes.
    EXPECT_DOUBLE_EQ(layout.gaps[0].y, layout.frames[1].y + geometry.pageHeight);
    EXPECT_DOUBLE_EQ(layout.gaps[0].y + geometry.gapMarkerHeight(), layout.frames[2].y);
    EXPECT_DOUBLE_EQ(layout.bottom, layout.frames.back().y + geometry.pageHeight);
    EXPECT_DOUBLE_EQ(layout.yOf(51), layout.frames[3].y);
    EXPECT_LT(layout.yOf(12), 0.0);
}

TEST(MemoryGeometry, ContiguousFramesHaveNoGapAndNoFramesNoHeight) {
    const MemoryGeometry geometry;
    EXPECT_TRUE(geometry.layoutFrames({7, 8, 9}, 0.0).gaps.empty());
    const FrameLayout none = geometry.layoutFrames({}, 40.0);
    EXPECT_TRUE(none.frames.empty());
    EXPECT_DOUBLE_EQ(none.bottom, 40.0);
}

TEST(MemoryGeometry, SceneIsSymmetricAndHoldsTheOutermostColumn) {
    const MemoryGeometry geometry;
    EXPECT_DOUBLE_EQ(geometry.sceneHalfWidth(2), geometry.columnRight(1) + geometry.margin);
    EXPECT_DOUBLE_EQ(geometry.sceneHalfWidth(3), geometry.columnRight(2) + geometry.margin);
    EXPECT_GE(geometry.sceneHalfWidth(3), -geometry.columnLeft(-2));
    EXPECT_DOUBLE_EQ(geometry.sceneHalfWidth(0), geometry.framesRight() + geometry.margin);
}

} // namespace
} // namespace ipclab
