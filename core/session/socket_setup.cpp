#include "session/socket_setup.h"

#include "common/error.h"
#include "mechanisms/socket_address.h"
#include "observe/kernel_limits.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fstream>
#include <sys/stat.h>

namespace ipclab {

namespace {

UniqueFd boundUnixSocket(const std::filesystem::path& path, int type) {
    if (path.string().size() > kMaxUnixPath) {
        throw Error(ErrorKind::SystemError, "the socket path " + path.string() + " is longer than the " +
                                                std::to_string(kMaxUnixPath) +
                                                " bytes a Unix socket address holds; set TMPDIR to a shorter folder");
    }
    UniqueFd fd(::socket(AF_UNIX, type | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        throwSystemError("cannot create a Unix socket", errno);
    }
    const UnixAddress address = unixAddress(path.string());
    if (::bind(fd.get(), address.get(), address.length) != 0) {
        throwSystemError("cannot create the socket file " + path.string(), errno);
    }
    // bind() takes its mode from the umask; the run folder is private already, this makes it exact.
    if (::chmod(path.c_str(), 0600) != 0) {
        throwSystemError("cannot set mode 0600 on " + path.string(), errno);
    }
    return fd;
}

} // namespace

UniqueFd listeningUnixSocket(const std::filesystem::path& path) {
    UniqueFd fd = boundUnixSocket(path, SOCK_STREAM);
    if (::listen(fd.get(), 1) != 0) {
        throwSystemError("cannot listen on " + path.string(), errno);
    }
    return fd;
}

UniqueFd boundUnixDatagramSocket(const std::filesystem::path& path) {
    return boundUnixSocket(path, SOCK_DGRAM);
}

UniqueFd listeningLoopbackSocket(std::uint16_t& port) {
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
        throwSystemError("cannot create a TCP socket", errno);
    }
    sockaddr_in address = loopbackAddress(0);
    socklen_t length = sizeof address;
    if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), length) != 0 || ::listen(fd.get(), 1) != 0 ||
        ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throwSystemError("cannot listen on 127.0.0.1", errno);
    }
    port = ntohs(address.sin_port);
    return fd;
}

std::uint64_t sendBufferSize(int fd) {
    int size = 0;
    socklen_t length = sizeof size;
    if (::getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, &length) != 0 || size < 0) {
        throwSystemError("cannot read the socket's send buffer size (SO_SNDBUF)", errno);
    }
    return static_cast<std::uint64_t>(size);
}

std::uint64_t requireProcSys(const std::string& key) {
    const auto value = readProcSys(key);
    if (!value || *value < 0) {
        throw Error(ErrorKind::SystemError, "cannot read /proc/sys/" + key);
    }
    return static_cast<std::uint64_t>(*value);
}

std::uint64_t tcpReceiveBufferMax() {
    std::ifstream in("/proc/sys/net/ipv4/tcp_rmem");
    std::uint64_t min = 0;
    std::uint64_t initial = 0;
    std::uint64_t max = 0;
    if (!(in >> min >> initial >> max)) {
        throw Error(ErrorKind::SystemError, "cannot read /proc/sys/net/ipv4/tcp_rmem");
    }
    return max;
}

ProbeSlot emptyProbe() {
    return std::make_shared<WorkerFdProbe>();
}

GaugePlan workerFdGauge(std::string channel, std::uint64_t capacity, ProbeSlot slot, unsigned long request,
                        WorkerFdProbe::FdFilter filter) {
    return GaugePlan{
        std::move(channel), capacity, LevelUnit::Bytes,
        [slot = std::move(slot), request, filter = std::move(filter)] { return slot->level(request, filter); }};
}

PairedProcesses requirePair(const Scenario& scenario, std::initializer_list<RolePair> pairs) {
    std::string offered;
    for (const RolePair& pair : pairs) {
        offered += (offered.empty() ? "" : ", ") + std::string("'") + pair.first + "' with '" + pair.second + "'";
        if (scenario.processes.size() != 2) {
            continue;
        }
        for (std::size_t first = 0; first < 2; ++first) {
            if (scenario.processes[first].role == pair.first && scenario.processes[1 - first].role == pair.second) {
                return PairedProcesses{first, 1 - first, pair};
            }
        }
    }
    std::string found;
    for (const ProcessSpec& process : scenario.processes) {
        found += (found.empty() ? "" : ", ") + process.name + " as '" + process.role + "'";
    }
    throw Error(ErrorKind::BadScenario, scenario.sourcePath.string() + ": the " + scenario.mechanism +
                                            " mechanism runs two processes, one for each role of a pair (" + offered +
                                            "); this scenario has " + found);
}

std::string cpuFor(const ParamValues& params, const std::string& key) {
    const auto it = params.find(key);
    return it == params.end() ? "-1" : std::to_string(it->second);
}

void requireBurstFits(const Scenario& scenario, const ParamValues& params, std::uint64_t sendBuffer) {
    const auto size = static_cast<std::uint64_t>(params.at("size"));
    const auto messages = static_cast<std::uint64_t>(params.at("messages"));
    if (size * messages > sendBuffer / 2) {
        throw Error(ErrorKind::KernelLimit,
                    scenario.id + ": " + std::to_string(messages) + " messages of " + std::to_string(size) +
                        " bytes do not fit half of the socket's send buffer (" + std::to_string(sendBuffer) +
                        " bytes, SO_SNDBUF); the writer sends them all before the reader starts, so it would wait "
                        "forever. Use fewer or smaller messages.");
    }
}

} // namespace ipclab
