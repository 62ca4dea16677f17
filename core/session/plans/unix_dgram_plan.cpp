#include "common/error.h"
#include "launch/run_names.h"
#include "session/plans/plans.h"
#include "session/plans/socket_setup.h"

#include <linux/sockios.h>
#include <sys/ioctl.h>

namespace ipclab {

namespace {

/// The kernel refuses a Unix datagram larger than the sender's send buffer less this much.
constexpr std::uint64_t kDatagramReserve = 32;

/// Two Unix datagram sockets, each bound by the session to its own file in the run folder
/// before any worker starts, so that neither side can send to an address that does not exist
/// yet. Each worker gets its socket and the other's path, and connect()s to it.
class UnixDgramPlan : public RunPlan {
public:
    UnixDgramPlan(const Scenario& scenario, const ParamValues& params) : m_dir(RunNames()) {
        const PairedProcesses pair = requirePair(scenario, {{"client", "server"}, {"burst-writer", "single-reader"}});
        const ProcessSpec& first = scenario.processes[pair.first];
        const ProcessSpec& second = scenario.processes[pair.second];
        const bool burst = pair.roles.first == std::string("burst-writer");
        const auto firstPath = m_dir.path() / (std::string(pair.roles.first) + ".sock");
        const auto secondPath = m_dir.path() / (std::string(pair.roles.second) + ".sock");
        m_firstSocket = boundUnixDatagramSocket(firstPath);
        m_secondSocket = boundUnixDatagramSocket(secondPath);
        const std::uint64_t sendBuffer = sendBufferSize(m_firstSocket.get());
        requireFits(scenario, params, sendBuffer, burst);

        m_workers.resize(2);
        m_workers[pair.first] = WorkerPlan{first.name, first.role, {{"socket", m_firstSocket.get()}}};
        m_workers[pair.first].names = {{"peer", secondPath.string()}};
        m_workers[pair.second] = WorkerPlan{second.name, second.role, {{"socket", m_secondSocket.get()}}};
        m_workers[pair.second].names = {{"peer", firstPath.string()}};
        // SIOCINQ on a datagram socket tells only the size of the next datagram, so the gauges
        // show the sender's side: what the kernel holds of its datagrams until they are read.
        m_gauges = {workerFdGauge("sent by " + first.name + ", unread (with kernel overhead)", sendBuffer, m_firstProbe,
                                  SIOCOUTQ)};
        if (burst) {
            m_workers[pair.second].startsAfter = first.name; // reads only once every message is sent
        } else {
            m_gauges.push_back(workerFdGauge("sent by " + second.name + ", unread (with kernel overhead)", sendBuffer,
                                             m_secondProbe, SIOCOUTQ));
        }
        m_first = pair.first;
        m_objects = {"Unix datagram socket file " + firstPath.string() + " (mode 0600)",
                     "Unix datagram socket file " + secondPath.string() + " (mode 0600; send buffers " +
                         std::to_string(sendBuffer) + " bytes)"};
    }

    void afterSpawn(const std::vector<int>& pids) override {
        *m_firstProbe = WorkerFdProbe(pids[m_first]);
        *m_secondProbe = WorkerFdProbe(pids[1 - m_first]);
        // Copies kept here would keep a dead worker's socket alive, and sends to it succeeding.
        m_firstSocket.reset();
        m_secondSocket.reset();
    }

private:
    static void requireFits(const Scenario& scenario, const ParamValues& params, std::uint64_t sendBuffer, bool burst) {
        const auto size = static_cast<std::uint64_t>(params.at("size"));
        if (size + kDatagramReserve > sendBuffer) {
            throw Error(ErrorKind::KernelLimit,
                        scenario.id + ": a datagram of " + std::to_string(size) +
                            " bytes is larger than a Unix datagram socket takes here (its send buffer, " +
                            std::to_string(sendBuffer) + " bytes, less " + std::to_string(kDatagramReserve) + ")");
        }
        if (!burst) {
            return;
        }
        requireBurstFits(scenario, params, sendBuffer);
        const std::uint64_t queue = requireProcSys("net/unix/max_dgram_qlen");
        if (static_cast<std::uint64_t>(params.at("messages")) > queue) {
            throw Error(ErrorKind::KernelLimit, scenario.id + ": " + std::to_string(params.at("messages")) +
                                                    " messages are more than a Unix datagram socket queues for a "
                                                    "reader that is not reading (net.unix.max_dgram_qlen = " +
                                                    std::to_string(queue) + ")");
        }
    }

    RunDirectory m_dir; // first member: removed last, with the socket files in it
    UniqueFd m_firstSocket;
    UniqueFd m_secondSocket;
    std::size_t m_first = 0;
    ProbeSlot m_firstProbe = emptyProbe();
    ProbeSlot m_secondProbe = emptyProbe();
};

} // namespace

std::unique_ptr<RunPlan> makeUnixDgramPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<UnixDgramPlan>(scenario, params);
}

} // namespace ipclab
