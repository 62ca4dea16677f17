#include "mechanisms/role_registry.h"

#include "mechanisms/mq/posix_mq_roles.h"
#include "mechanisms/mq/sysv_mq_roles.h"
#include "mechanisms/pipe/fifo_roles.h"
#include "mechanisms/pipe/pipe_roles.h"
#include "mechanisms/pipe/pipe_stream_roles.h"
#include "mechanisms/shm/shm_roles.h"
#include "mechanisms/socket/socket_boundary_roles.h"
#include "mechanisms/socket/socket_roles.h"
#include "mechanisms/sync/condvar_robust_roles.h"
#include "mechanisms/sync/counter_roles.h"
#include "mechanisms/sync/ready_ok_roles.h"
#include "mechanisms/timing/bench_roles.h"
#include "mechanisms/timing/timed_roles.h"

#include <array>

namespace ipclab {

namespace {

struct RoleEntry {
    const char* mechanism;
    const char* role;
    WorkerRole run;
};

constexpr std::array kRoles{
    RoleEntry{"pipe", "client", &pipeClient},
    RoleEntry{"pipe", "server", &pipeServer},
    RoleEntry{"pipe", "writer", &pipeStreamWriter},
    RoleEntry{"pipe", "reader", &pipeStreamReader},
    RoleEntry{"pipe", "flood-writer", &pipeFloodWriter},
    RoleEntry{"pipe", "slow-reader", &pipeSlowReader},
    RoleEntry{"posix-mq", "client", &posixMqClient},
    RoleEntry{"posix-mq", "server", &posixMqServer},
    RoleEntry{"posix-mq", "priority-sender", &posixMqPrioritySender},
    RoleEntry{"posix-mq", "priority-receiver", &posixMqPriorityReceiver},
    RoleEntry{"sysv-mq", "client", &sysvMqClient},
    RoleEntry{"sysv-mq", "server", &sysvMqServer},
    RoleEntry{"sysv-mq", "typed-sender", &sysvMqTypedSender},
    RoleEntry{"sysv-mq", "typed-receiver", &sysvMqTypedReceiver},
    RoleEntry{"fifo", "client", &fifoClient},
    RoleEntry{"fifo", "server", &fifoServer},
    RoleEntry{"unix-stream", "client", &unixStreamClient},
    RoleEntry{"unix-stream", "server", &unixStreamServer},
    RoleEntry{"unix-stream", "burst-writer", &unixStreamBurstWriter},
    RoleEntry{"unix-stream", "single-reader", &unixStreamSingleReader},
    RoleEntry{"unix-stream", "timed-client", &unixStreamTimedClient},
    RoleEntry{"unix-stream", "timed-server", &unixStreamTimedServer},
    RoleEntry{"unix-dgram", "client", &unixDatagramClient},
    RoleEntry{"unix-dgram", "server", &unixDatagramServer},
    RoleEntry{"unix-dgram", "burst-writer", &unixDatagramBurstWriter},
    RoleEntry{"unix-dgram", "single-reader", &unixDatagramSingleReader},
    RoleEntry{"tcp", "client", &tcpClient},
    RoleEntry{"tcp", "server", &tcpServer},
    RoleEntry{"tcp", "timed-client", &tcpTimedClient},
    RoleEntry{"tcp", "timed-server", &tcpTimedServer},
    RoleEntry{"sysv-shm", "writer", &sysvShmWriter},
    RoleEntry{"sysv-shm", "reader", &sysvShmReader},
    RoleEntry{"sysv-shm", "persistent-writer", &sysvShmPersistentWriter},
    RoleEntry{"sysv-shm", "late-reader", &sysvShmLateReader},
    RoleEntry{"posix-shm", "writer", &posixShmWriter},
    RoleEntry{"posix-shm", "reader", &posixShmReader},
    RoleEntry{"mmap-file", "writer", &mappedFileWriter},
    RoleEntry{"mmap-file", "reader", &mappedFileReader},
    RoleEntry{"shm-counter", "unsynchronised", &counterUnsynchronised},
    RoleEntry{"shm-counter", "mutex", &counterSharedMutex},
    RoleEntry{"shm-counter", "sysv-sem", &counterSysvSem},
    RoleEntry{"shm-counter", "posix-sem", &counterNamedSem},
    RoleEntry{"shm-counter", "unnamed-sem", &counterUnnamedSem},
    RoleEntry{"shm-condvar", "producer", &condvarProducer},
    RoleEntry{"shm-condvar", "consumer", &condvarConsumer},
    RoleEntry{"shm-robust", "dying-holder", &robustDyingHolder},
    RoleEntry{"shm-robust", "recoverer", &robustRecoverer},
    RoleEntry{"shm-ready-ok", "writer", &readyOkWriter},
    RoleEntry{"shm-ready-ok", "reader", &readyOkReader},
    RoleEntry{"bench", "client", &benchClient},
    RoleEntry{"bench", "server", &benchServer},
};

} // namespace

WorkerRole findRole(const std::string& mechanism, const std::string& role) {
    for (const auto& entry : kRoles) {
        if (mechanism == entry.mechanism && role == entry.role) {
            return entry.run;
        }
    }
    return nullptr;
}

std::vector<std::string> knownRoles() {
    std::vector<std::string> names;
    for (const auto& entry : kRoles) {
        names.push_back(std::string(entry.mechanism) + " " + entry.role);
    }
    return names;
}

} // namespace ipclab
