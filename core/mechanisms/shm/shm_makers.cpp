#include "mechanisms/shm/shm_makers.h"

#include "common/sysv_project_id.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

namespace ipclab {

namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

std::string hexKey(key_t key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(key));
    return text;
}

key_t sysvKey(const WorkerContext& context) {
    if (const std::int64_t fixed = context.paramOr("key", 0); fixed != 0) {
        return static_cast<key_t>(fixed);
    }
    const key_t key = ::ftok(context.name("key_file").c_str(), kSysvProjectId); // same path + id, same key
    if (key == -1) {
        fail("ftok(" + context.name("key_file") + ")");
    }
    return key;
}

SharedRegion attachSysv(key_t key, std::size_t length, int flags) {
    const int id = ::shmget(key, length, flags);
    if (id < 0) {
        fail("shmget(" + hexKey(key) + ")");
    }
    void* base = ::shmat(id, nullptr, 0); // NULL: the kernel picks the address
    if (base == reinterpret_cast<void*>(-1)) {
        fail("shmat(" + std::to_string(id) + ")");
    }
    return SharedRegion{static_cast<std::uint8_t*>(base), length,
                        "System V segment key " + hexKey(key) + ", id " + std::to_string(id), [base] { ::shmdt(base); },
                        [id] { ::shmctl(id, IPC_RMID, nullptr); }};
}

SharedRegion mapFd(int fd, std::size_t length, const std::string& label, std::function<void()> remove) {
    void* base = ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
        fail("mmap of " + label);
    }
    return SharedRegion{static_cast<std::uint8_t*>(base), length, label,
                        [base, length, fd] {
                            ::munmap(base, length);
                            ::close(fd);
                        },
                        std::move(remove)};
}

SharedRegion openFile(const std::string& path, std::size_t length, bool create, bool posix) {
    const int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT | O_EXCL : 0);
    const int fd = posix ? ::shm_open(path.c_str(), flags, 0600) : ::open(path.c_str(), flags, 0600);
    if (fd < 0) {
        fail(std::string(posix ? "shm_open(" : "open(") + path + ")");
    }
    if (create && ::ftruncate(fd, static_cast<off_t>(length)) != 0) {
        fail("ftruncate(" + path + ")");
    }
    const std::string label = posix ? "POSIX shared memory " + path : "file " + path;
    return mapFd(fd, length, label, [path, posix] { posix ? ::shm_unlink(path.c_str()) : ::unlink(path.c_str()); });
}

} // namespace

RegionMaker sysvShmMaker() {
    return RegionMaker{
        [](const WorkerContext& context, std::size_t length) {
            return attachSysv(sysvKey(context), length, IPC_CREAT | IPC_EXCL | 0600);
        },
        [](const WorkerContext& context, std::size_t length) { return attachSysv(sysvKey(context), length, 0); }};
}

RegionMaker posixShmMaker() {
    return RegionMaker{[](const WorkerContext& context, std::size_t length) {
                           return openFile(context.name("shm_name"), length, true, true);
                       },
                       [](const WorkerContext& context, std::size_t length) {
                           return openFile(context.name("shm_name"), length, false, true);
                       }};
}

RegionMaker mappedFileMaker() {
    return RegionMaker{[](const WorkerContext& context, std::size_t length) {
                           return openFile(context.name("path"), length, true, false);
                       },
                       [](const WorkerContext& context, std::size_t length) {
                           return openFile(context.name("path"), length, false, false);
                       }};
}

} // namespace ipclab
