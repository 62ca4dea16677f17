#pragma once

namespace CLI {
class App;
}

namespace ipclab::cli {

struct IpcsOptions {
    bool json = false;
};

/// Declares `ipcs [--json]` on `app`: the machine's IPC objects and limits, like ipcs(1).
CLI::App* addIpcsCommand(CLI::App& app, IpcsOptions& options);

/// Prints the table (or JSON). Returns the exit code.
int runIpcsCommand(const IpcsOptions& options);

} // namespace ipclab::cli
