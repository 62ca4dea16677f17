#pragma once

#include <cstdint>

namespace ipclab {

/// Where things sit on the sync timeline: time runs left to right from `originNs` (drawn just
/// right of the label column), one lane per
/// process from top to bottom. Plain maths, no Qt, so that it can be tested on its own.
///
/// Within a lane the upper band holds "holding the lock" bars, the lower band "blocked" bars, and
/// kernel-crossing ticks stand on the lane's bottom edge.
struct SyncTimelineGeometry {
    double labelWidth = 170.0; ///< the pinned column with each lane's name and counters
    double axisHeight = 30.0;  ///< time labels above the first lane
    double laneHeight = 64.0;
    double minLaneHeight = 60.0;
    double maxLaneHeight = 120.0;
    double laneGap = 8.0;
    double leftPadding = 16.0;     ///< room before the first event, so it is not under the labels
    double rightMargin = 120.0;    ///< room past the newest event for its label, so it is never cut off
    double minPixelsPerMs = 0.2;   ///< below this the run no longer fits; the timeline grows instead
    double maxPixelsPerMs = 4.0e5; ///< a run of a few microseconds is not stretched beyond this
    double pixelsPerMs = 1.0;
    std::int64_t originNs = 0; ///< the time drawn at `labelWidth + leftPadding`

    double xForTime(std::int64_t ns) const;
    std::int64_t timeForX(double x) const;
    double widthForDuration(std::int64_t ns) const;

    double laneTop(int lane) const;
    double laneBottom(int lane) const { return laneTop(lane) + laneHeight; }
    double laneCentre(int lane) const { return laneTop(lane) + laneHeight / 2.0; }
    /// The "holding" band: the upper part of the lane.
    double holdTop(int lane) const { return laneTop(lane) + laneHeight * 0.22; }
    double holdHeight() const { return laneHeight * 0.28; }
    /// The "blocked" band, under the holding band.
    double blockedTop(int lane) const { return holdTop(lane) + holdHeight() + 2.0; }
    double blockedHeight() const { return laneHeight * 0.22; }
    double tickHeight() const { return laneHeight * 0.18; }
    /// The lane under scene height `y`, or -1 above the first lane and in the gaps.
    int laneAt(double y, int laneCount) const;

    double sceneWidth(std::int64_t endNs) const;
    double sceneHeight(int laneCount) const;

    /// Picks the scale: the span from `originNs` to `endNs` fills `viewWidth` while that keeps at
    /// least `minPixelsPerMs`; past that the scale stays and the timeline grows to the right.
    void fit(std::int64_t endNs, double viewWidth);
    /// Lanes share `viewHeight` (less the axis and gaps), kept between the minimum and maximum
    /// lane height: two processes get tall lanes on a projector, eight still fit a laptop.
    void fitHeight(double viewHeight, int laneCount);
    /// A round time step (1, 2 or 5 times a power of ten nanoseconds) whose labels lie at least
    /// `minPixels` apart at the current scale.
    std::int64_t tickStepNs(double minPixels) const;
};

} // namespace ipclab
