#pragma once

namespace ipclab {

/// Where things go on the stage, as plain numbers (scene units) so the maths can be tested.
/// Lanes stand side by side with the kernel lane at x = 0 and the processes alternating left and
/// right of it, nearest first. Time runs downward like a sequence diagram: every drawn event
/// takes the next row, so order is exact even when a run goes faster than the eye.
struct StageGeometry {
    double kernelLaneWidth = 400.0;
    double processLaneWidth = 240.0;
    double laneGap = 40.0;
    double headerHeight = 62.0; ///< a lane's title box
    double gaugeHeight = 50.0;  ///< one buffer gauge in the kernel's header
    int reservedGauges = 2;     ///< gauges the first row leaves room for
    double rowHeight = 34.0;
    double margin = 24.0;
    double arrowInset = 28.0; ///< arrows stop this far short of the kernel's centre line

    /// Lane slot of the `ordinal`-th process (0-based, in order of start): -1, +1, -2, +2, ...
    /// Slot 0 is the kernel.
    static int slotForProcess(int ordinal);
    /// Outermost slot on one side when `processCount` processes are on the stage.
    static int outermostSlot(int processCount);

    double laneWidth(int slot) const;
    double laneCentreX(int slot) const;
    double laneLeft(int slot) const { return laneCentreX(slot) - laneWidth(slot) / 2.0; }
    double laneRight(int slot) const { return laneCentreX(slot) + laneWidth(slot) / 2.0; }
    /// Where a crossing from or to the process in `slot` touches the kernel lane.
    double kernelContactX(int slot) const;

    /// Where a copy to or from the process in `slot` rests inside the kernel lane (the buffer).
    double kernelBufferX(int slot) const;

    /// Height of the kernel's header with `gaugeCount` gauges.
    double kernelHeaderHeight(int gaugeCount) const;
    /// y of the centre line of `row` (0-based).
    double rowY(int row) const;
    /// The row whose band contains `y`; rows above the first give 0.
    int rowAt(double y) const;
    /// Bottom of the lane bodies when `rowCount` rows are drawn.
    double bodyBottom(int rowCount) const;

    /// Horizontal extent of the scene with `processCount` process lanes, margins included. The
    /// extent is symmetric, so the kernel stays in the middle of the view with an odd count too.
    double sceneLeft(int processCount) const;
    double sceneRight(int processCount) const;
};

} // namespace ipclab
