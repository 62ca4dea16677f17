// When ipclab-cli itself is killed outright, no worker of its run may survive it.
#include "cli_runner.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>

namespace ipclab::test {
namespace {

/// Live processes whose command line holds `marker` (zombies excluded: they are already dead).
int processesWith(const std::string& marker) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream cmdline(entry.path() / "cmdline");
        std::ifstream stat(entry.path() / "stat");
        std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
        std::string statLine;
        std::getline(stat, statLine);
        const auto close = statLine.rfind(')');
        const bool zombie = close != std::string::npos && close + 2 < statLine.size() && statLine[close + 2] == 'Z';
        if (!zombie && args.find(marker) != std::string::npos) {
            ++count;
        }
    }
    return count;
}

void expectWorkersGoneAfterKill(const std::vector<std::string>& extra, const std::string& marker) {
    // The largest messages and the most round trips: seconds of work, so the kill lands mid-run.
    std::vector<std::string> args{"run", "pipe-request-response", "--param", marker, "--param", "round_trips=1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CliResult result = runCli(args, std::chrono::milliseconds(300), SIGKILL);
    if (result.exitCode != -1) {
        GTEST_SKIP() << "the run finished before the kill came";
    }
    int left = processesWith(marker);
    // Short enough that orphans still doing their (seconds of) work are caught.
    for (int i = 0; i < 25 && left > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        left = processesWith(marker);
    }
    EXPECT_EQ(left, 0) << "workers outlived the killed ipclab-cli";
}

TEST(CliKilled, UntracedWorkersDieWithTheirParent) {
    expectWorkersGoneAfterKill({"--no-trace"}, "size=1048573");
}

TEST(CliKilled, TracedWorkersDieWithTheirTracer) {
    expectWorkersGoneAfterKill({}, "size=1048571");
}

} // namespace
} // namespace ipclab::test
