#pragma once

#include "events/event.h"

#include <QString>

namespace ipclab {

class ProcessNames;

/// One line for the replay label saying what event `event` was: "P1 enters write(fd 5, 4096
/// bytes)", "P2 returns from read(fd 3, 4096 bytes) = 4096", "request pipe holds 4096 of 65536
/// bytes", with each process as `names` calls it.
QString describeEvent(const Event& event, const ProcessNames& names);

/// "Replay of the recorded run — event 12 of 80, t = 3.512 ms: <what it was>", where position
/// p means the first p events have happened (0: none yet).
QString replayLabel(int position, int count, const Event* last, const ProcessNames& names);

} // namespace ipclab
