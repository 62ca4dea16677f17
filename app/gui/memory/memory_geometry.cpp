#include "gui/memory/memory_geometry.h"

#include <algorithm>
#include <cstdlib>

namespace ipclab {

double FrameLayout::yOf(std::uint64_t pfn) const {
    const auto found = std::lower_bound(frames.begin(), frames.end(), pfn,
                                        [](const Frame& frame, std::uint64_t wanted) { return frame.pfn < wanted; });
    return found != frames.end() && found->pfn == pfn ? found->y : -1.0;
}

int MemoryGeometry::slotForProcess(int ordinal) {
    const int distance = ordinal / 2 + 1;
    return ordinal % 2 == 0 ? -distance : distance;
}

double MemoryGeometry::columnLeft(int slot) const {
    const int distance = std::abs(slot);
    const double nearEdge = frameWidth / 2.0 + linkSpan + (distance - 1) * (pageWidth + columnGap);
    return slot < 0 ? -nearEdge - pageWidth : nearEdge;
}

double MemoryGeometry::rowsBottom(int count, double top) const {
    return count <= 0 ? top : pageY(count - 1, top) + pageHeight;
}

double MemoryGeometry::linkStartX(int slot) const {
    return slot < 0 ? columnRight(slot) : columnLeft(slot);
}

double MemoryGeometry::linkEndX(int slot) const {
    return slot < 0 ? framesLeft() : framesRight();
}

FrameLayout MemoryGeometry::layoutFrames(std::vector<std::uint64_t> pfns, double top) const {
    std::sort(pfns.begin(), pfns.end());
    pfns.erase(std::unique(pfns.begin(), pfns.end()), pfns.end());
    FrameLayout layout;
    double y = top;
    for (std::size_t i = 0; i < pfns.size(); ++i) {
        if (i > 0 && pfns[i] != pfns[i - 1] + 1) {
            layout.gaps.push_back({y - (rowPitch - pageHeight), pfns[i] - pfns[i - 1] - 1});
            y += gapHeight;
        }
        layout.frames.push_back({pfns[i], y});
        y += rowPitch;
    }
    layout.bottom = layout.frames.empty() ? top : layout.frames.back().y + pageHeight;
    return layout;
}

double MemoryGeometry::sceneHalfWidth(int processCount) const {
    if (processCount <= 0) {
        return framesRight() + margin;
    }
    // The outermost column on the wider side: the left when the count is odd.
    const int outermost = (processCount + 1) / 2;
    return columnRight(outermost) + margin;
}

} // namespace ipclab
