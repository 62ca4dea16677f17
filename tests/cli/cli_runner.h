#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace ipclab::test {

/// What one run of ipclab-cli left behind.
struct CliResult {
    int exitCode = -1; ///< -1 when it was killed by a signal
    std::string out;
    std::string err;
};

/// Runs the real ipclab-cli with `args`, the shipped scenarios as its default folder, and waits
/// for it. When `signalAfter` is positive, sends `signo` to it after that long (if still running).
CliResult runCli(const std::vector<std::string>& args,
                 std::chrono::milliseconds signalAfter = std::chrono::milliseconds(0), int signo = 0);

/// Same, with ipclab-cli started through `wrapper` (a program that execs its arguments).
CliResult runCliUnder(const std::string& wrapper, const std::vector<std::string>& args,
                      std::chrono::milliseconds signalAfter = std::chrono::milliseconds(0), int signo = 0);

/// A fresh folder under the temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    void write(const std::string& name, const std::string& text) const;

private:
    std::string m_path;
};

} // namespace ipclab::test
