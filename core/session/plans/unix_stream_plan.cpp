#include "launch/run_names.h"
#include "session/plans/plans.h"
#include "session/plans/socket_setup.h"

#include <linux/sockios.h>
#include <sys/ioctl.h>

namespace ipclab {

namespace {

/// A Unix stream socket file in the run folder. The session binds it and puts it in listening
/// state before any worker starts, so that the client's connect() can never come before the
/// server is ready, and hands the listening socket to the server, which accepts.
class UnixStreamPlan : public RunPlan {
public:
    UnixStreamPlan(const Scenario& scenario, const ParamValues& params)
        : m_dir(RunNames()), m_path(m_dir.path() / "server.sock"), m_listener(listeningUnixSocket(m_path)) {
        const PairedProcesses pair = requirePair(
            scenario, {{"client", "server"}, {"burst-writer", "single-reader"}, {"timed-client", "timed-server"}});
        const std::uint64_t sendBuffer = sendBufferSize(m_listener.get());
        const bool burst = pair.roles.first == std::string("burst-writer");
        if (burst) {
            requireBurstFits(scenario, params, sendBuffer);
        }
        const ProcessSpec& first = scenario.processes[pair.first];
        const ProcessSpec& second = scenario.processes[pair.second];
        m_workers.resize(2);
        m_workers[pair.first] = WorkerPlan{first.name, first.role, {}};
        m_workers[pair.first].names = {{"path", m_path.string()}, {"cpu", cpuFor(params, "client_cpu")}};
        m_workers[pair.second] = WorkerPlan{second.name, second.role, {{"listener", m_listener.get()}}};
        m_workers[pair.second].names = {{"cpu", cpuFor(params, "server_cpu")}};
        if (burst) {
            m_workers[pair.second].startsAfter = first.name; // reads only once every message is sent
            m_gauges = {workerFdGauge("sent by " + first.name + ", unread (with kernel overhead)", sendBuffer,
                                      m_firstProbe, SIOCOUTQ),
                        workerFdGauge("waiting at " + second.name + "'s socket", sendBuffer, m_secondProbe, SIOCINQ)};
        } else {
            m_gauges = {workerFdGauge("requests waiting at " + second.name, sendBuffer, m_secondProbe, SIOCINQ),
                        workerFdGauge("responses waiting at " + first.name, sendBuffer, m_firstProbe, SIOCINQ)};
        }
        m_first = pair.first;
        m_objects = {"Unix stream socket file " + m_path.string() + " (mode 0600, listening; send buffer " +
                     std::to_string(sendBuffer) + " bytes)"};
    }

    void afterSpawn(const std::vector<int>& pids) override {
        *m_firstProbe = WorkerFdProbe(pids[m_first]);
        *m_secondProbe = WorkerFdProbe(pids[1 - m_first]);
        // The server holds the listener now; a copy kept here would leave it listening if the server died.
        m_listener.reset();
    }

private:
    RunDirectory m_dir; // first member: removed last, with the socket file in it
    std::filesystem::path m_path;
    UniqueFd m_listener;
    std::size_t m_first = 0;
    ProbeSlot m_firstProbe = emptyProbe();
    ProbeSlot m_secondProbe = emptyProbe();
};

} // namespace

std::unique_ptr<RunPlan> makeUnixStreamPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<UnixStreamPlan>(scenario, params);
}

} // namespace ipclab
