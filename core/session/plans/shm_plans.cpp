#include "common/error.h"
#include "ipcs/ipc_tables.h"
#include "launch/run_names.h"
#include "observe/kernel_limits.h"
#include "session/plans/plan_params.h"
#include "session/plans/plans.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

namespace ipclab {

namespace {

std::string hexKey(key_t key) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(key));
    return text;
}

/// Who plays what, shared by the three mechanisms: the reader starts once the writer has made
/// and mapped the object (its transfer phase); the late reader once the writer is gone.
class SharedMemoryPlan : public RunPlan {
protected:
    SharedMemoryPlan(const Scenario& scenario, const ParamValues& params, bool persistence)
        : m_length(static_cast<std::uint64_t>(requireParam(scenario, params, "pages") + 1) *
                   static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE))) {
        requireParam(scenario, params, "page_delay_ms");
        std::string writer;
        for (const ProcessSpec& process : scenario.processes) {
            if (persistence) {
                requireRole(scenario, process, {"persistent-writer", "late-reader"});
            } else {
                requireRole(scenario, process, {"writer", "reader"});
            }
            if (process.role == "writer" || process.role == "persistent-writer") {
                writer = process.name;
            }
            m_workers.push_back(WorkerPlan{process.name, process.role, {}});
        }
        for (WorkerPlan& worker : m_workers) {
            if (worker.role == "reader") {
                worker.startsAfter = writer;
                worker.startsAtPhase = Phase::Transfer;
            } else if (worker.role == "late-reader") {
                worker.startsAfter = writer;
            }
        }
    }

    void nameForAll(const std::string& key, const std::string& value) {
        for (WorkerPlan& worker : m_workers) {
            worker.names.emplace_back(key, value);
        }
    }

    std::uint64_t m_length;
};

class SysvShmPlan : public SharedMemoryPlan {
public:
    SysvShmPlan(const Scenario& scenario, const ParamValues& params)
        : SharedMemoryPlan(scenario, params, scenario.processes.front().role == "persistent-writer"), m_dir(m_names) {
        const auto shmmax = readProcSysUnsigned("kernel/shmmax");
        requireWithinLimit(
            static_cast<std::int64_t>(m_length),
            shmmax ? std::optional<std::int64_t>(static_cast<std::int64_t>(std::min<std::uint64_t>(*shmmax, LLONG_MAX)))
                   : std::nullopt,
            "a segment of " + std::to_string(m_length) +
                " bytes (the data pages and one header page) "
                "is larger than this machine's largest System V segment",
            "kernel/shmmax");
        const std::int64_t fixed = params.contains("key") ? params.at("key") : 0;
        const std::string keyFile = (m_dir.path() / "segment.key").string();
        m_key = fixed != 0 ? static_cast<key_t>(fixed) : m_dir.makeSysvKey("segment.key");
        if (const int existing = ::shmget(m_key, 0, 0); existing >= 0) {
            throw Error(ErrorKind::BadParameter,
                        "System V key " + hexKey(m_key) + " already names segment id " + std::to_string(existing) +
                            ": shmget with IPC_EXCL refuses to make a second one (see it with 'ipclab-cli ipcs'; "
                            "'ipcrm -m " +
                            std::to_string(existing) + "' removes it if it is yours)");
        }
        nameForAll("key_file", keyFile);
        m_objects = {"System V shared memory: key " + hexKey(m_key) +
                     (fixed != 0 ? " (fixed by the 'key' parameter)" : " (ftok of " + keyFile + ", project id 0x1b)") +
                     ", " + std::to_string(m_length) + " bytes, mode 0600"};
    }

    ~SysvShmPlan() override {
        // The safety net for killed runs: remove the segment, but only one our workers made.
        const int id = ::shmget(m_key, 0, 0);
        shmid_ds info{};
        if (id >= 0 && ::shmctl(id, IPC_STAT, &info) == 0 &&
            std::find(m_pids.begin(), m_pids.end(), info.shm_cpid) != m_pids.end()) {
            ::shmctl(id, IPC_RMID, nullptr);
        }
    }

    void afterSpawn(const std::vector<int>& pids) override { m_pids = pids; }

    std::optional<std::string> noticeBeforeStarting(const WorkerPlan& worker) override {
        if (worker.role != "late-reader") {
            return std::nullopt;
        }
        for (const IpcObject& o : readIpcObjects()) {
            if (o.kind == IpcObject::Kind::SysvShm && o.key == hexKey(m_key)) {
                return "The writer has exited, and the kernel still lists segment " + o.key + " (id " +
                       std::to_string(o.id) + "): " + std::to_string(o.size) + " bytes, attached by " +
                       std::to_string(o.count) +
                       " processes (/proc/sysvipc/shm). Like a file, it stays until "
                       "someone removes it.";
            }
        }
        return "The kernel no longer lists segment " + hexKey(m_key) + " after its writer exited.";
    }

private:
    RunNames m_names;
    RunDirectory m_dir;
    key_t m_key = 0;
    std::vector<int> m_pids;
};

class PosixShmPlan : public SharedMemoryPlan {
public:
    PosixShmPlan(const Scenario& scenario, const ParamValues& params)
        : SharedMemoryPlan(scenario, params, false), m_name(m_names.posixName("shm")) {
        nameForAll("shm_name", m_name);
        m_objects = {"POSIX shared memory " + m_name + " (the file /dev/shm" + m_name + ", " +
                     std::to_string(m_length) + " bytes, mode 0600)"};
    }
    ~PosixShmPlan() override { ::shm_unlink(m_name.c_str()); } // a killed writer cannot; the name is this run's

private:
    RunNames m_names;
    std::string m_name;
};

class MappedFilePlan : public SharedMemoryPlan {
public:
    MappedFilePlan(const Scenario& scenario, const ParamValues& params)
        : SharedMemoryPlan(scenario, params, false), m_dir(m_names) {
        const std::string path = (m_dir.path() / "shared.bin").string();
        nameForAll("path", path);
        m_objects = {"file " + path + " (" + std::to_string(m_length) + " bytes, mode 0600, mapped MAP_SHARED)"};
    }

private:
    RunNames m_names;
    RunDirectory m_dir; // removed with the file in it, whatever happened to the run
};

} // namespace

std::unique_ptr<RunPlan> makeSysvShmPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<SysvShmPlan>(scenario, params);
}

std::unique_ptr<RunPlan> makePosixShmPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<PosixShmPlan>(scenario, params);
}

std::unique_ptr<RunPlan> makeMappedFilePlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<MappedFilePlan>(scenario, params);
}

} // namespace ipclab
