#pragma once

#include "ipcs/ipc_tables.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace ipclab {

/// `ipclab-cli ipcs --json`: every IPC object of the machine and the system's limits, with a
/// limit the kernel would not tell as null.
nlohmann::json ipcReportJson(const std::vector<IpcObject>& objects, const IpcLimits& limits);

} // namespace ipclab
