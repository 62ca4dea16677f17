// ipclab-cli ipcs lists what the kernel holds: a segment made here shows with its figures.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/ipc.h>
#include <sys/shm.h>

namespace ipclab::test {
namespace {

TEST(CliIpcs, JsonListsASegmentWithTheKernelsFiguresAndTheLimits) {
    const int id = ::shmget(IPC_PRIVATE, 12288, IPC_CREAT | 0600);
    ASSERT_GE(id, 0);
    void* at = ::shmat(id, nullptr, 0);
    const CliResult result = runCli({"ipcs", "--json"});
    ::shmdt(at);
    ::shmctl(id, IPC_RMID, nullptr);

    ASSERT_EQ(result.exitCode, 0) << result.err;
    const auto report = nlohmann::json::parse(result.out);
    bool found = false;
    for (const auto& object : report["objects"]) {
        if (object["kind"] == "shm" && object["id"] == id) {
            found = true;
            EXPECT_EQ(object["size"], 12288);
            EXPECT_EQ(object["mode"], "0600");
            EXPECT_EQ(object["attached"], 1);
            EXPECT_EQ(object["creator_pid"], ::getpid());
        }
    }
    EXPECT_TRUE(found) << result.out;
    EXPECT_TRUE(report["limits"]["shmmni"].is_number());
    EXPECT_TRUE(report["limits"]["mq_msgsize_max"].is_number());
}

TEST(CliIpcs, TextShowsTheLimitsInWords) {
    const CliResult result = runCli({"ipcs"});
    ASSERT_EQ(result.exitCode, 0) << result.err;
    EXPECT_NE(result.out.find("bytes per segment (shmmax)"), std::string::npos) << result.out;
}

} // namespace
} // namespace ipclab::test
