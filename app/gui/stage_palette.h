#pragma once

#include "session/event.h"

#include <QColor>
#include <QFont>

namespace ipclab {

/// The stage's colours and fonts in one place, so that lanes, arrows and blocks agree.
/// Process colours cycle for scenarios with more processes than colours.
class StagePalette {
public:
    static QColor background();
    static QColor kernelLane();
    static QColor kernelAccent();
    static QColor processLane(int ordinal);
    static QColor processAccent(int ordinal);
    /// Arrows of the lesson's phases stand out; the observer's start-up calls are muted.
    static QColor phaseColour(Phase phase);
    static QColor copyUserToKernel();
    static QColor copyKernelToUser();
    static QColor text();
    static QColor mutedText();

    static QFont titleFont();
    static QFont labelFont();
    static QFont smallFont();
};

} // namespace ipclab
