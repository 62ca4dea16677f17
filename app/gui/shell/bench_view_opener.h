#pragma once

#include <QString>

namespace ipclab {

class MainWindow;

/// `ipclab --view bench [--screenshot FILE [--screenshot-after MS]]`: opens "It depends" in its
/// window. With a file, saves that window to it and quits: once laid out when figures are kept for
/// this machine, else after a short sweep it starts (every fourth power of two, 20 samples a
/// cell), or after `afterMs` when given.
/// `mode` ("reused", "throughput", "setup", "one-time"; empty: the view's default) picks what the
/// chart shows. Returns false (after saying why) for an unknown mode.
bool openBenchView(MainWindow& window, const QString& screenshotFile, int afterMs, const QString& mode = {});

} // namespace ipclab
