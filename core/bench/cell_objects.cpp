#include "bench/cell_objects.h"

#include "common/error.h"
#include "launch/sockets.h"
#include "mechanisms/timing/bench_link.h"
#include "observe/kernel_limits.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab::bench {

namespace {

std::pair<UniqueFd, UniqueFd> socketPair(const char* what) {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        throwSystemError(std::string("cannot create the ") + what + " socket pair", errno);
    }
    return {UniqueFd(fds[0]), UniqueFd(fds[1])};
}

void makeFifo(const std::filesystem::path& path) {
    if (::mkfifo(path.c_str(), 0600) != 0) {
        throwSystemError("cannot create the FIFO " + path.string(), errno);
    }
}

} // namespace

CellObjects::CellObjects(const std::string& mechanism, BenchMode mode, std::uint64_t size) : m_directory(m_names) {
    both("mechanism", mechanism);
    if (mode == BenchMode::RoundTrip || mode == BenchMode::Throughput) {
        makeReused(mechanism, size);
        return;
    }
    // Setup and one-time: the workers make and remove their own objects, under these names.
    both("once_path", (m_directory.path() / "once").string());
    both("once_posix", m_names.posixName("once"));
    m_onceKey = m_directory.makeSysvKey("once-key"); // a file of its own: "once" is made and removed per sample
    both("once_keyfile", (m_directory.path() / "once-key").string());
    auto [ours, theirs] = socketPair("one-time control");
    m_client.fds.emplace_back("ctl", keep(std::move(ours)));
    m_server.fds.emplace_back("ctl", keep(std::move(theirs)));
}

CellObjects::~CellObjects() {
    if (m_segmentId >= 0) {
        ::shmctl(m_segmentId, IPC_RMID, nullptr);
    }
    if (!m_posixShm.empty()) {
        ::shm_unlink(m_posixShm.c_str());
    }
    if (m_onceKey != -1) {
        // What a worker killed between create and remove left behind; normally nothing.
        ::shm_unlink(m_names.posixName("once").c_str());
        ::mq_unlink(m_names.posixName("once").c_str());
        if (const int id = ::msgget(m_onceKey, 0); id >= 0) {
            ::msgctl(id, IPC_RMID, nullptr);
        }
        if (const int id = ::shmget(m_onceKey, 0, 0); id >= 0) {
            ::shmctl(id, IPC_RMID, nullptr);
        }
    }
    // The queues, the fds and the run folder (FIFOs, socket and key files) go with the members.
}

void CellObjects::makeReused(const std::string& mechanism, std::uint64_t size) {
    if (mechanism == "pipe") {
        PipePair requests = makePipe();
        PipePair responses = makePipe();
        m_client.fds = {{"out", keep(std::move(requests.write))}, {"in", keep(std::move(responses.read))}};
        m_server.fds = {{"in", keep(std::move(requests.read))}, {"out", keep(std::move(responses.write))}};
    } else if (mechanism == "fifo") {
        makeFifo(m_directory.path() / "requests");
        makeFifo(m_directory.path() / "responses");
        both("requests", (m_directory.path() / "requests").string());
        both("responses", (m_directory.path() / "responses").string());
    } else if (mechanism == "posix-mq") {
        const long depth = std::clamp<long>(static_cast<long>(KernelLimits::read().mqMsgMax.value_or(10)), 1, 10);
        for (const char* which : {"requests", "responses"}) {
            m_queues.push_back(std::make_unique<PosixQueue>(m_names.posixName(which), depth, static_cast<long>(size)));
            both(which, m_queues.back()->name());
        }
    } else if (mechanism == "sysv-mq") {
        m_sysvQueue = std::make_unique<SysvQueue>(m_directory.makeSysvKey("queue"));
        both("keyfile", (m_directory.path() / "queue").string());
    } else if (mechanism == "unix-socket" || mechanism == "hybrid") {
        auto [ours, theirs] = socketPair("Unix stream");
        m_client.fds = {{"socket", keep(std::move(ours))}};
        m_server.fds = {{"socket", keep(std::move(theirs))}};
    } else if (mechanism == "tcp") {
        std::uint16_t port = 0;
        m_server.fds = {{"listener", keep(listeningLoopbackSocket(port))}};
        m_client.names.emplace_back("port", std::to_string(port));
    } else {
        makeSharedRegion(mechanism, size);
    }
}

void CellObjects::makeSharedRegion(const std::string& mechanism, std::uint64_t size) {
    const std::size_t length = benchRegionLength(size);
    if (mechanism == "sysv-shm") {
        const key_t key = m_directory.makeSysvKey("segment");
        m_segmentId = ::shmget(key, length, IPC_CREAT | IPC_EXCL | 0600);
        if (m_segmentId < 0) {
            throwSystemError("cannot create a System V segment of " + std::to_string(length) + " bytes", errno);
        }
        both("key_file", (m_directory.path() / "segment").string());
        return;
    }
    const bool posix = mechanism == "posix-shm";
    const std::string name = posix ? m_names.posixName("region") : (m_directory.path() / "region").string();
    const int fd = posix ? ::shm_open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)
                         : ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throwSystemError("cannot create " + name, errno);
    }
    const UniqueFd owned(fd);
    if (posix) {
        m_posixShm = name;
    }
    if (::ftruncate(fd, static_cast<off_t>(length)) != 0) {
        const int err = errno;
        if (posix) {
            ::shm_unlink(name.c_str()); // the destructor does not run for a throwing constructor
        }
        errno = err;
        throwSystemError("cannot size " + name, err);
    }
    both(posix ? "shm_name" : "path", name);
}

void CellObjects::both(const std::string& key, const std::string& value) {
    m_client.names.emplace_back(key, value);
    m_server.names.emplace_back(key, value);
}

int CellObjects::keep(UniqueFd fd) {
    m_fds.push_back(std::move(fd));
    return m_fds.back().get();
}

} // namespace ipclab::bench
