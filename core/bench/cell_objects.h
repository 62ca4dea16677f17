#pragma once

#include "bench/bench_engine.h"
#include "common/unique_fd.h"
#include "launch/posix_queue.h"
#include "launch/run_names.h"
#include "launch/sysv_queue.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ipclab::bench {

/// What the engine hands one worker: channel fds (name -> our fd) and object names.
struct WorkerHandout {
    std::vector<std::pair<std::string, int>> fds;
    std::vector<std::pair<std::string, std::string>> names;
};

/// Every IPC object of one bench cell, made by the engine before the workers start and removed
/// when this goes away, whatever became of the workers. It also removes, by name, whatever the
/// workers may have created themselves in the setup and one-time modes and left behind when they
/// were killed: those names are chosen here. Names derive from the run (RunNames); mode 0600,
/// created exclusively.
class CellObjects {
public:
    /// Throws Error(KernelLimit/SystemError/PermissionDenied) naming the object; nothing is left then.
    CellObjects(const std::string& mechanism, BenchMode mode, std::uint64_t size);
    ~CellObjects();
    CellObjects(const CellObjects&) = delete;
    CellObjects& operator=(const CellObjects&) = delete;

    const WorkerHandout& client() const { return m_client; }
    const WorkerHandout& server() const { return m_server; }
    /// Once the workers hold their copies: closes ours, so only the workers keep the channel.
    void afterSpawn() { m_fds.clear(); }

private:
    void makeReused(const std::string& mechanism, std::uint64_t size);
    void makeSharedRegion(const std::string& mechanism, std::uint64_t size);
    void both(const std::string& key, const std::string& value);
    int keep(UniqueFd fd);

    RunNames m_names;
    RunDirectory m_directory;
    WorkerHandout m_client;
    WorkerHandout m_server;
    std::vector<UniqueFd> m_fds;
    std::vector<std::unique_ptr<PosixQueue>> m_queues;
    std::unique_ptr<SysvQueue> m_sysvQueue;
    int m_segmentId = -1;
    std::string m_posixShm;
    key_t m_onceKey = -1;
};

} // namespace ipclab::bench
