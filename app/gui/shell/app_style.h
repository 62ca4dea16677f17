#pragma once

class QApplication;

namespace ipclab {

/// The app's look: Fusion with a calm light palette and type large enough to read from the
/// back of a classroom. Call once, before the first window is built.
void applyAppStyle(QApplication& app);

} // namespace ipclab
