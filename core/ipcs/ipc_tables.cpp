#include "ipcs/ipc_tables.h"

#include "observe/kernel_limits.h"

#include <filesystem>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <sys/stat.h>

namespace ipclab {

namespace {

std::string ownerName(unsigned uid) {
    passwd entry{};
    passwd* found = nullptr;
    char buffer[1024];
    if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr) {
        return found->pw_name;
    }
    return std::to_string(uid);
}

std::string hexKey(long long key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(key));
    return text;
}

/// Calls `row` with a stream positioned on each data line (the header is skipped).
template <typename Row> void forEachRow(const std::string& text, Row row) {
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        row(fields);
    }
}

std::string readAll(const char* path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

const char* kindName(IpcObject::Kind kind) {
    switch (kind) {
    case IpcObject::Kind::SysvShm:
        return "shm";
    case IpcObject::Kind::SysvMsg:
        return "msg";
    case IpcObject::Kind::SysvSem:
        return "sem";
    case IpcObject::Kind::PosixShm:
        return "posix-shm";
    }
    return "?";
}

std::vector<IpcObject> parseSysvShm(const std::string& text) {
    std::vector<IpcObject> objects;
    forEachRow(text, [&](std::istringstream& f) {
        long long key = 0;
        IpcObject o;
        o.kind = IpcObject::Kind::SysvShm;
        unsigned gid = 0;
        if (f >> key >> o.id >> std::oct >> o.mode >> std::dec >> o.size >> o.creatorPid >> o.lastPid >> o.count >>
            o.uid >> gid) {
            o.key = hexKey(key);
            o.mode &= 0777;
            o.owner = ownerName(o.uid);
            objects.push_back(o);
        }
    });
    return objects;
}

std::vector<IpcObject> parseSysvMsg(const std::string& text) {
    std::vector<IpcObject> objects;
    forEachRow(text, [&](std::istringstream& f) {
        long long key = 0;
        IpcObject o;
        o.kind = IpcObject::Kind::SysvMsg;
        int lastReceiver = 0;
        if (f >> key >> o.id >> std::oct >> o.mode >> std::dec >> o.size >> o.count >> o.lastPid >> lastReceiver >>
            o.uid) {
            o.key = hexKey(key);
            o.mode &= 0777;
            o.owner = ownerName(o.uid);
            objects.push_back(o);
        }
    });
    return objects;
}

std::vector<IpcObject> parseSysvSem(const std::string& text) {
    std::vector<IpcObject> objects;
    forEachRow(text, [&](std::istringstream& f) {
        long long key = 0;
        IpcObject o;
        o.kind = IpcObject::Kind::SysvSem;
        if (f >> key >> o.id >> std::oct >> o.mode >> std::dec >> o.size >> o.uid) {
            o.key = hexKey(key);
            o.mode &= 0777;
            o.owner = ownerName(o.uid);
            objects.push_back(o);
        }
    });
    return objects;
}

std::vector<IpcObject> readIpcObjects() {
    std::vector<IpcObject> all = parseSysvShm(readAll("/proc/sysvipc/shm"));
    for (auto&& more : {parseSysvMsg(readAll("/proc/sysvipc/msg")), parseSysvSem(readAll("/proc/sysvipc/sem"))}) {
        all.insert(all.end(), more.begin(), more.end());
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/shm", ec)) {
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            continue;
        }
        IpcObject o;
        o.kind = IpcObject::Kind::PosixShm;
        o.key = "/" + entry.path().filename().string();
        o.uid = st.st_uid;
        o.owner = ownerName(st.st_uid);
        o.mode = st.st_mode & 0777;
        o.size = static_cast<std::uint64_t>(st.st_size);
        all.push_back(o);
    }
    return all;
}

IpcLimits IpcLimits::read() {
    const auto number = [](const char* key) { return readProcSysUnsigned(key); };
    IpcLimits limits;
    limits.shmmni = number("kernel/shmmni");
    limits.shmmax = number("kernel/shmmax");
    limits.shmall = number("kernel/shmall");
    limits.msgmni = number("kernel/msgmni");
    limits.msgmax = number("kernel/msgmax");
    limits.msgmnb = number("kernel/msgmnb");
    std::istringstream sem(readAll("/proc/sys/kernel/sem"));
    std::uint64_t msl = 0, mns = 0, opm = 0, mni = 0;
    if (sem >> msl >> mns >> opm >> mni) {
        limits.semmsl = msl;
        limits.semmns = mns;
        limits.semopm = opm;
        limits.semmni = mni;
    }
    limits.mqQueuesMax = number("fs/mqueue/queues_max");
    limits.mqMsgMax = number("fs/mqueue/msg_max");
    limits.mqMsgsizeMax = number("fs/mqueue/msgsize_max");
    return limits;
}

} // namespace ipclab
