#pragma once

#include "mechanisms/worker/worker_context.h"

#include <string>
#include <vector>

namespace ipclab {

/// The role `role` of mechanism `mechanism` ("pipe", "client"), or nullptr when none exists.
WorkerRole findRole(const std::string& mechanism, const std::string& role);

/// "pipe client", ... : every role ipclab-worker can play, for messages and tests.
std::vector<std::string> knownRoles();

} // namespace ipclab
