#include "common/error.h"
#include "launch/run_names.h"
#include "session/plans/plans.h"
#include "session/plans/socket_setup.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

namespace ipclab {

namespace {

/// Makes the FIFO exclusively (mkfifo fails if anything is at the path) with mode 0600, and
/// returns the capacity a fresh FIFO gets here.
std::uint64_t makeFifo(const std::filesystem::path& path) {
    if (::mkfifo(path.c_str(), 0600) != 0) {
        throwSystemError("cannot create the FIFO " + path.string(), errno);
    }
    if (::chmod(path.c_str(), 0600) != 0) { // mkfifo's mode passes through the umask
        throwSystemError("cannot set mode 0600 on " + path.string(), errno);
    }
    // A read end opened and closed while no worker exists yet changes nothing for them.
    const UniqueFd probe(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    const int size = probe.valid() ? ::fcntl(probe.get(), F_GETPIPE_SZ) : -1;
    if (size < 0) {
        throwSystemError("cannot read the capacity of the FIFO " + path.string() + " (F_GETPIPE_SZ)", errno);
    }
    return static_cast<std::uint64_t>(size);
}

/// Two FIFOs in the run folder; the workers get only their paths and open them themselves.
/// The session holds no end of either: a read end held here would let a writer's open() return
/// before the real reader came and spare it EPIPE when the reader died; a write end would keep
/// the reader from ever seeing end-of-file. The gauges borrow a worker's own end instead.
class FifoPlan : public RunPlan {
public:
    explicit FifoPlan(const Scenario& scenario)
        : m_dir(RunNames()), m_requests(m_dir.path() / "requests"), m_responses(m_dir.path() / "responses") {
        const PairedProcesses pair = requirePair(scenario, {{"client", "server"}});
        const std::uint64_t requestCapacity = makeFifo(m_requests);
        const std::uint64_t responseCapacity = makeFifo(m_responses);
        m_workers.resize(2);
        for (std::size_t i : {pair.first, pair.second}) {
            const ProcessSpec& process = scenario.processes[i];
            m_workers[i] = WorkerPlan{process.name, process.role, {}};
            m_workers[i].names = {{"requests", m_requests.string()}, {"responses", m_responses.string()}};
        }
        m_gauges = {fifoGauge("requests FIFO", requestCapacity, m_requests),
                    fifoGauge("responses FIFO", responseCapacity, m_responses)};
        m_objects = {
            "FIFO " + m_requests.string() + " (mode 0600, capacity " + std::to_string(requestCapacity) + " bytes)",
            "FIFO " + m_responses.string() + " (mode 0600, capacity " + std::to_string(responseCapacity) + " bytes)"};
    }

    void afterSpawn(const std::vector<int>& pids) override {
        *m_firstProbe = WorkerFdProbe(pids[0]);
        *m_secondProbe = WorkerFdProbe(pids[1]);
    }

private:
    /// FIONREAD on whichever worker's end of the FIFO at `path` answers first: either end tells
    /// the bytes waiting in the one buffer.
    GaugePlan fifoGauge(std::string channel, std::uint64_t capacity, const std::filesystem::path& path) {
        auto holds = [target = path.string()](int, const std::string& link) { return link == target; };
        return GaugePlan{std::move(channel), capacity, LevelUnit::Bytes,
                         [first = m_firstProbe, second = m_secondProbe, holds]() -> std::optional<std::uint64_t> {
                             if (auto level = first->level(FIONREAD, holds)) {
                                 return level;
                             }
                             return second->level(FIONREAD, holds);
                         }};
    }

    RunDirectory m_dir; // first member: removed last, with the FIFOs in it
    std::filesystem::path m_requests;
    std::filesystem::path m_responses;
    ProbeSlot m_firstProbe = emptyProbe();
    ProbeSlot m_secondProbe = emptyProbe();
};

} // namespace

std::unique_ptr<RunPlan> makeFifoPlan(const Scenario& scenario, const ParamValues& /*params*/) {
    return std::make_unique<FifoPlan>(scenario);
}

} // namespace ipclab
