#pragma once

#include <QColor>

namespace ipclab {

/// The sync timeline's colours, from the Okabe–Ito set so that holding, blocked, signal and alarm
/// stay apart for readers with any common colour-vision deficiency; blocked bars are also hatched,
/// so the two bar kinds differ even in grey. Lane fills and fonts come from StagePalette.
class SyncTimelinePalette {
public:
    static QColor holding();
    static QColor blocked();
    static QColor blockedHatch();
    static QColor signal();
    static QColor alarm();
    static QColor recovered();
    static QColor semaphoreStep();
    static QColor kernelTick();
    static QColor grid();
    /// "#0072b2": for the legend's rich text.
    static QString css(const QColor& colour);
};

} // namespace ipclab
