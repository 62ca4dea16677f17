#pragma once

#include "ipcs/ipc_tables.h"

#include <QString>

namespace ipclab {

/// The ipcs panel's sentences, kept apart from its widgets.
namespace ipcs_text {

/// The system limits, one line per kind as `ipcs -l` groups them; a limit the kernel would not
/// tell says so, and the near-2^64 defaults read "no limit".
QString limits(const IpcLimits& limits);
/// The question before a removal: which object, whose, what goes with it, the command it equals.
QString confirmation(const IpcObject& object);

} // namespace ipcs_text

} // namespace ipclab
