#pragma once

#include "events/event.h"

#include <QColor>
#include <QFont>

namespace ipclab {

/// The stage's colours and fonts in one place, so that lanes, arrows and blocks agree.
/// Process colours cycle for scenarios with more processes than colours.
class StagePalette {
public:
    /// Calm: the everyday light palette. Presenter: high contrast, from the Okabe–Ito set so that
    /// lanes and copy directions stay apart for every common colour-vision deficiency, with lines
    /// twice as thick; for a projector at the back of a room (PresenterMode switches it).
    enum class Scheme { Calm, Presenter };
    static void setScheme(Scheme scheme);
    static Scheme scheme();
    /// A pen width for `normal`, thickened in presenter mode.
    static double lineWidth(double normal);

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
