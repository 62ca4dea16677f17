#pragma once

#include <cstdint>
#include <vector>

namespace ipclab {

/// Where a frame sits in the physical-frames column, and where the column skips frames.
struct FrameLayout {
    struct Frame {
        std::uint64_t pfn = 0;
        double y = 0.0; ///< top of the frame's box
    };
    struct Gap {
        double y = 0.0;            ///< top of the gap marker
        std::uint64_t skipped = 0; ///< frames between the two neighbours that are not drawn
    };
    std::vector<Frame> frames; ///< ascending PFN, each PFN once
    std::vector<Gap> gaps;
    double bottom = 0.0; ///< below the last frame (or `top` when there is none)

    /// The y of `pfn`'s box, or a negative number when the layout does not hold it.
    double yOf(std::uint64_t pfn) const;
};

/// The memory view's layout as plain numbers (scene units), so the maths can be tested. The
/// physical-frames column stands at x = 0; process columns alternate left and right of it,
/// nearest first, like the stage's lanes. Pages run downward in virtual-address order; frames
/// run downward in PFN order, with a gap marker wherever two neighbours are not adjacent in RAM.
struct MemoryGeometry {
    double pageWidth = 270.0;
    double pageHeight = 38.0;
    double rowPitch = 48.0; ///< from one page (or frame) to the next
    double frameWidth = 210.0;
    double linkSpan = 170.0;    ///< horizontal room for the lines between a column and the frames
    double columnGap = 60.0;    ///< between two process columns on the same side
    double gapHeight = 26.0;    ///< a gap marker between non-adjacent frames
    double headerHeight = 96.0; ///< column titles
    double sectionGap = 52.0;   ///< between the shared pages and the private (heap) pages
    double margin = 24.0;

    /// Column slot of the `ordinal`-th process: -1, +1, -2, +2, ... (slot 0 is the frames).
    static int slotForProcess(int ordinal);

    double framesLeft() const { return -frameWidth / 2.0; }
    double framesRight() const { return frameWidth / 2.0; }
    double columnLeft(int slot) const;
    double columnRight(int slot) const { return columnLeft(slot) + pageWidth; }
    /// Top of the first row of pages and frames.
    double rowsTop() const { return margin + headerHeight; }
    /// Top of page `index` in a column whose first page is at `top`.
    double pageY(int index, double top) const { return top + index * rowPitch; }
    /// Bottom of `count` rows starting at `top`.
    double rowsBottom(int count, double top) const;

    /// Height of a gap marker: the space between two frames' boxes plus the extra gap.
    double gapMarkerHeight() const { return gapHeight + rowPitch - pageHeight; }

    /// Where a line from a page in `slot` leaves it (the side facing the frames), x only.
    double linkStartX(int slot) const;
    /// Where that line meets a frame box, x only.
    double linkEndX(int slot) const;

    /// Places `pfns` (any order, duplicates allowed) in ascending order from `top`; a gap
    /// marker goes between two frames whose numbers are not consecutive.
    FrameLayout layoutFrames(std::vector<std::uint64_t> pfns, double top) const;

    /// Horizontal extent with `processCount` columns, margins included, symmetric about x = 0.
    double sceneHalfWidth(int processCount) const;
};

} // namespace ipclab
