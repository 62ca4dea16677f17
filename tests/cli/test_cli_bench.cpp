// `ipclab-cli bench` as a script sees it: CSV and JSON that parse, exit code 2 for bad
// arguments, and Ctrl-C that stops the sweep and leaves nothing behind.
#include "../common/csv_fields.h"
#include "../common/ipc_leftovers.h"
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ipclab::test {
namespace {

const std::vector<std::string> kSmall{
    "bench", "--mechanisms", "pipe,posix-shm,posix-mq", "--sizes", "64,16K", "--samples", "3", "--placement", "same"};

std::vector<std::string> with(std::vector<std::string> args, std::initializer_list<std::string> more) {
    args.insert(args.end(), more);
    return args;
}

/// Live (not zombie) ipclab-worker bench processes whose arguments hold `marker`.
int benchWorkersWith(const std::string& marker) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
        std::ifstream stat(entry.path() / "stat");
        std::string statLine;
        std::getline(stat, statLine);
        const auto close = statLine.rfind(')');
        const bool zombie = close != std::string::npos && close + 2 < statLine.size() && statLine[close + 2] == 'Z';
        if (!zombie && args.find(std::string("bench", 6)) != std::string::npos &&
            args.find(marker) != std::string::npos) {
            ++count;
        }
    }
    return count;
}

TEST(CliBench, CsvHasOneRowPerMechanismSizeAndModeWithThePlacement) {
    const CliResult result = runCli(with(kSmall, {"--csv"}));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    std::istringstream lines(result.out);
    std::string header;
    std::getline(lines, header);
    const auto columns = csvFields(header);
    ASSERT_EQ(columns.size(), 13u) << header;
    EXPECT_EQ(columns[0], "mechanism");
    EXPECT_EQ(columns[3], "placement");
    EXPECT_EQ(columns[5], "median_ns");
    EXPECT_EQ(columns[12], "note");
    int rows = 0;
    for (std::string line; std::getline(lines, line); ++rows) {
        const auto fields = csvFields(line);
        ASSERT_EQ(fields.size(), columns.size()) << line;
        EXPECT_EQ(fields[3], "same");
        EXPECT_NE(fields[4].find("CPU"), std::string::npos) << line;
        if (fields[0] == "posix-mq" && fields[2] == "16384") {
            // Above the default fs.mqueue.msgsize_max (8192): named, never a zero.
            if (!fields[12].empty()) {
                EXPECT_TRUE(fields[5].empty()) << line;
                continue;
            }
        }
        ASSERT_FALSE(fields[5].empty()) << line;
        EXPECT_GT(std::stod(fields[5]), 0.0) << line;
        EXPECT_EQ(fields[10], "3") << line;
    }
    EXPECT_EQ(rows, 3 * 2 * 4);
}

TEST(CliBench, JsonIsOneDocumentWithMachineCellsAndCrossovers) {
    const CliResult result = runCli(with(kSmall, {"--json", "--mode", "one-time"}));
    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto document = nlohmann::json::parse(result.out);
    EXPECT_TRUE(document["machine"].contains("kernel"));
    EXPECT_TRUE(document["crossovers"].is_array());
    const auto& cells = document["result"]["cells"];
    ASSERT_EQ(cells.size(), 3u * 2u);
    for (const auto& cell : cells) {
        EXPECT_EQ(cell["mode"], "one-time");
        EXPECT_EQ(cell["placement"], "same");
        if (cell.contains("note")) {
            EXPECT_FALSE(cell.contains("median_ns"));
            EXPECT_NE(cell["note"].get<std::string>().find("msgsize_max"), std::string::npos);
        } else {
            EXPECT_GT(cell["median_ns"].get<double>(), 0.0);
            EXPECT_LE(cell["p10_ns"].get<double>(), cell["p90_ns"].get<double>());
        }
    }
}

TEST(CliBench, BadArgumentsExitTwoAndNameTheCulprit) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"bench", "--mode", "sometimes"}, "sometimes"},
        {{"bench", "--sizes", "4X"}, "4X"},
        {{"bench", "--sizes", "0"}, "0"},
        {{"bench", "--mechanisms", "carrier-pigeon"}, "carrier-pigeon"},
        {{"bench", "--placement", "everywhere"}, "everywhere"},
        {{"bench", "--samples", "0"}, "--samples"},
        {{"bench", "--threshold", "lots"}, "lots"},
        {{"bench", "--csv", "--json"}, "--json"},
        {{"bench", "--sizes", "64", "--max-size", "1M"}, "--max-size"},
    };
    for (const auto& [args, culprit] : cases) {
        const CliResult result = runCli(args);
        EXPECT_EQ(result.exitCode, 2) << args[1] << " " << args[2];
        EXPECT_NE(result.err.find(culprit), std::string::npos) << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
    }
}

TEST(CliBench, CtrlCStopsTheSweepAndLeavesNothingBehind) {
    const auto before = ipclabObjects();
    const CliResult result = runCli({"bench", "--mechanisms", "sysv-shm,posix-shm,sysv-mq,posix-mq,fifo", "--sizes",
                                     "4K", "--samples", "1000000", "--placement", "same", "--csv"},
                                    std::chrono::milliseconds(400), SIGINT);
    EXPECT_EQ(result.exitCode, 1) << result.err;
    EXPECT_NE(result.err.find("stopped by SIGINT"), std::string::npos) << result.err;
    const auto left = leftoversSince(before);
    EXPECT_TRUE(left.empty()) << *left.begin();
    EXPECT_EQ(benchWorkersWith("samples=1000000"), 0) << "bench workers outlived the stopped ipclab-cli";
}

TEST(CliBench, AccuracyAndBaselinePrintTheirFigures) {
    const CliResult accuracy = runCli({"bench", "--accuracy", "--samples", "200", "--placement", "same", "--json"});
    ASSERT_EQ(accuracy.exitCode, 0) << accuracy.err;
    const auto rows = nlohmann::json::parse(accuracy.out)["accuracy"];
    ASSERT_EQ(rows.size(), 2u);
    for (const auto& row : rows) {
        EXPECT_GT(row["engine_median_ns"].get<double>(), 0.0);
        EXPECT_GT(row["reference_median_ns"].get<double>(), 0.0);
    }
    const CliResult baseline = runCli({"bench", "--baseline", "--placement", "same", "--json"});
    ASSERT_EQ(baseline.exitCode, 0) << baseline.err;
    EXPECT_EQ(nlohmann::json::parse(baseline.out)["baseline"].size(), 4u);
}

} // namespace
} // namespace ipclab::test
