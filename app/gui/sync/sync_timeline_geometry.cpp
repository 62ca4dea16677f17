#include "gui/sync/sync_timeline_geometry.h"

#include <algorithm>
#include <cmath>

namespace ipclab {

namespace {
constexpr double kNsPerMs = 1.0e6;
} // namespace

double SyncTimelineGeometry::xForTime(std::int64_t ns) const {
    return labelWidth + leftPadding + widthForDuration(ns - originNs);
}

std::int64_t SyncTimelineGeometry::timeForX(double x) const {
    return originNs + static_cast<std::int64_t>(std::llround((x - labelWidth - leftPadding) / pixelsPerMs * kNsPerMs));
}

double SyncTimelineGeometry::widthForDuration(std::int64_t ns) const {
    return static_cast<double>(ns) / kNsPerMs * pixelsPerMs;
}

double SyncTimelineGeometry::laneTop(int lane) const {
    return axisHeight + lane * (laneHeight + laneGap);
}

int SyncTimelineGeometry::laneAt(double y, int laneCount) const {
    if (y < axisHeight) {
        return -1;
    }
    const int lane = static_cast<int>((y - axisHeight) / (laneHeight + laneGap));
    if (lane >= laneCount || y > laneBottom(lane)) {
        return -1;
    }
    return lane;
}

double SyncTimelineGeometry::sceneWidth(std::int64_t endNs) const {
    return xForTime(std::max(endNs, originNs)) + rightMargin;
}

double SyncTimelineGeometry::sceneHeight(int laneCount) const {
    return laneTop(std::max(laneCount, 1)) + laneGap;
}

void SyncTimelineGeometry::fit(std::int64_t endNs, double viewWidth) {
    const double room = viewWidth - labelWidth - leftPadding - rightMargin;
    const double spanMs = static_cast<double>(std::max<std::int64_t>(endNs - originNs, 1)) / kNsPerMs;
    pixelsPerMs = room > 0.0 ? std::clamp(room / spanMs, minPixelsPerMs, maxPixelsPerMs) : minPixelsPerMs;
}

void SyncTimelineGeometry::fitHeight(double viewHeight, int laneCount) {
    const int lanes = std::max(laneCount, 1);
    const double share = (viewHeight - axisHeight - laneGap) / lanes - laneGap;
    laneHeight = std::clamp(share, minLaneHeight, maxLaneHeight);
}

std::int64_t SyncTimelineGeometry::tickStepNs(double minPixels) const {
    const double wantedNs = std::max(minPixels, 1.0) / pixelsPerMs * kNsPerMs;
    double decade = std::pow(10.0, std::floor(std::log10(std::max(wantedNs, 1.0))));
    for (;;) {
        for (const double factor : {1.0, 2.0, 5.0}) {
            if (decade * factor >= wantedNs) {
                return static_cast<std::int64_t>(decade * factor);
            }
        }
        decade *= 10.0;
    }
}

} // namespace ipclab
