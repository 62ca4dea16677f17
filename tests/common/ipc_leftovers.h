#pragma once

// What a run may have left behind, for tests that end a run on purpose (cancel, a signal) and
// check that nothing of it survived. Other test programs may run at the same time on this
// machine, so only objects that were not there before AND belong to a process that no longer
// exists count: an ipclab name carries its creator's pid ("ipclab-<pid>-<run>-..."), and a
// System V object's creator or last users are in /proc/sysvipc.

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace ipclab::test {

inline bool processAlive(long pid) {
    return pid > 0 && std::filesystem::exists("/proc/" + std::to_string(pid));
}

/// "ipclab-1234-5-x" -> 1234; 0 when the name is not of that form.
inline long ownerOf(const std::string& name) {
    if (!name.starts_with("ipclab-")) {
        return 0;
    }
    try {
        return std::stol(name.substr(7));
    } catch (const std::exception&) {
        return 0;
    }
}

/// Every IPC object and run folder on the machine that looks like ipclab's, as "where:name".
inline std::set<std::string> ipclabObjects() {
    std::set<std::string> found;
    for (const char* dir : {"/dev/shm", "/dev/mqueue", "/tmp"}) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.starts_with("ipclab-")) {
                found.insert(std::string(dir) + ":" + name);
            }
        }
    }
    // Keys made by RunDirectory::makeSysvKey carry ipclab's project id, 0x1b, in the top byte.
    for (const char* table : {"shm", "msg"}) {
        std::ifstream in(std::string("/proc/sysvipc/") + table);
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            long long key = 0;
            long id = 0;
            std::string perms;
            long a = 0, b = 0, c = 0, d = 0;
            fields >> key >> id >> perms >> a >> b >> c >> d;
            if (((static_cast<unsigned long long>(key) >> 24) & 0xff) != 0x1b) {
                continue;
            }
            // shm: size cpid lpid; msg: cbytes qnum lspid lrpid. The pids that touched it.
            const bool shm = std::string(table) == "shm";
            const long first = shm ? b : c;
            const long second = shm ? c : d;
            if (!processAlive(first) && !processAlive(second)) {
                found.insert(std::string("sysv-") + table + ":" + std::to_string(id));
            }
        }
    }
    return found;
}

/// What is there now but not in `before` and whose owner is gone, or is `self` (a test that runs
/// the engine in its own process: its objects must be gone although it lives on).
inline std::set<std::string> leftoversSince(const std::set<std::string>& before, long self = 0) {
    std::set<std::string> left;
    for (const std::string& object : ipclabObjects()) {
        if (before.contains(object)) {
            continue;
        }
        const auto colon = object.find(':');
        const long owner = ownerOf(object.substr(colon + 1));
        if (object.starts_with("sysv-") || owner == self || !processAlive(owner)) {
            left.insert(object);
        }
    }
    return left;
}

/// Children of this process, over all its threads: none may outlive a run or a sweep.
inline int childCount() {
    int count = 0;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream children(task.path() / "children");
        for (long pid = 0; children >> pid;) {
            ++count;
        }
    }
    return count;
}

/// The names in /dev/shm, /dev/mqueue and /tmp made by the runs of process `pid` ("ipclab-<pid>-…"),
/// as full paths: what a test's own runs left behind.
inline std::vector<std::string> namesMadeBy(long pid) {
    const std::string tag = "ipclab-" + std::to_string(pid) + "-";
    std::vector<std::string> left;
    for (const char* dir : {"/dev/shm", "/dev/mqueue", "/tmp"}) {
        std::error_code ec; // /dev/mqueue is not mounted everywhere
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.path().filename().string().find(tag) != std::string::npos) {
                left.push_back(entry.path().string());
            }
        }
    }
    return left;
}

} // namespace ipclab::test
