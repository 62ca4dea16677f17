#include "gui/sync/sync_timeline_palette.h"

#include "gui/stage/stage_palette.h"

#include <QString>

namespace ipclab {

QColor SyncTimelinePalette::holding() {
    return QColor::fromRgb(0x0072b2); // blue
}
QColor SyncTimelinePalette::blocked() {
    return QColor::fromRgb(0xe69f00); // orange
}
QColor SyncTimelinePalette::blockedHatch() {
    return QColor::fromRgb(0x8a5a00);
}
QColor SyncTimelinePalette::signal() {
    return QColor::fromRgb(0xcc79a7); // reddish purple
}
QColor SyncTimelinePalette::alarm() {
    return QColor::fromRgb(0xd55e00); // vermillion
}
QColor SyncTimelinePalette::recovered() {
    return QColor::fromRgb(0x009e73); // bluish green
}
QColor SyncTimelinePalette::semaphoreStep() {
    return QColor::fromRgb(0x3b3b4f);
}
QColor SyncTimelinePalette::kernelTick() {
    return StagePalette::kernelAccent();
}
QColor SyncTimelinePalette::grid() {
    return QColor::fromRgb(0xd8d8e0);
}
QString SyncTimelinePalette::css(const QColor& colour) {
    return colour.name(QColor::HexRgb);
}

} // namespace ipclab
