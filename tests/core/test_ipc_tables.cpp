// The ipcs table from the kernel's own files, checked against the ipcs command.
#include "ipcs/ipc_tables.h"
#include "launch/run_names.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

namespace ipclab {
namespace {

std::string runCommand(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return out;
    }
    std::array<char, 512> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        out += buffer.data();
    }
    ::pclose(pipe);
    return out;
}

TEST(IpcTables, ParsesTheKernelsShmTable) {
    const auto rows = parseSysvShm(
        "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime\n"
        " 453378316          7  1600                 65536  4242  4243      2     0     0     0     0          0\n");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].key, "0x1b06010c");
    EXPECT_EQ(rows[0].id, 7);
    EXPECT_EQ(rows[0].mode, 0600u);
    EXPECT_EQ(rows[0].size, 65536u);
    EXPECT_EQ(rows[0].creatorPid, 4242);
    EXPECT_EQ(rows[0].lastPid, 4243);
    EXPECT_EQ(rows[0].count, 2u);
    EXPECT_EQ(rows[0].owner, "root");
}

TEST(IpcTables, AgreesWithTheIpcsCommand) {
    const RunNames names;
    const RunDirectory dir(names);
    const key_t key = dir.makeSysvKey("segment");
    const int id = ::shmget(key, 8192, IPC_CREAT | IPC_EXCL | 0600);
    ASSERT_GE(id, 0);
    void* at = ::shmat(id, nullptr, 0);
    ASSERT_NE(at, reinterpret_cast<void*>(-1));

    const IpcObject* ours = nullptr;
    const auto objects = readIpcObjects();
    for (const auto& o : objects) {
        if (o.kind == IpcObject::Kind::SysvShm && o.id == id) {
            ours = &o;
        }
    }
    const std::string listing = runCommand("ipcs -m");
    ::shmdt(at);
    ::shmctl(id, IPC_RMID, nullptr);

    ASSERT_NE(ours, nullptr);
    // ipcs -m: key shmid owner perms bytes nattch status
    std::istringstream lines(listing);
    std::string line;
    bool found = false;
    while (std::getline(lines, line)) {
        std::istringstream f(line);
        std::string k, owner, perms;
        int shmid = -1;
        std::uint64_t bytes = 0, nattch = 0;
        if (f >> k >> shmid >> owner >> perms >> bytes >> nattch && shmid == id) {
            found = true;
            EXPECT_EQ(k, ours->key);
            EXPECT_EQ(owner, ours->owner);
            EXPECT_EQ(std::stoul(perms, nullptr, 8), ours->mode);
            EXPECT_EQ(bytes, ours->size);
            EXPECT_EQ(nattch, ours->count);
            EXPECT_EQ(nattch, 1u);
        }
    }
    EXPECT_TRUE(found) << "ipcs -m did not list shmid " << id << ":\n" << listing;
    EXPECT_EQ(ours->key.substr(0, 4), "0x1b") << "ipclab's keys carry its ftok project id";
}

TEST(IpcTables, LimitsAreReadFromTheKernel) {
    const IpcLimits limits = IpcLimits::read();
    ASSERT_TRUE(limits.shmmni && limits.msgmax && limits.semmni && limits.mqMsgsizeMax);
    ASSERT_TRUE(limits.shmmax && limits.shmall) << "shmmax/shmall are often near 2^64: they must still be read";
    EXPECT_GT(*limits.shmmni, 0u);
    EXPECT_GT(*limits.semmsl, 0u);
}

} // namespace
} // namespace ipclab
