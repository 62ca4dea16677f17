#pragma once

#include "session/session.h"

#include <ostream>

namespace ipclab::cli {

/// For shared-memory runs: where each process saw the object, which frames were behind it
/// (or why the kernel hid them), and whether two processes shared them.
void printMappings(std::ostream& out, const RunResult& result);

} // namespace ipclab::cli
