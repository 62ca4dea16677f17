#include "session/plans/plans.h"
#include "session/plans/socket_setup.h"

#include <linux/sockios.h>
#include <sys/ioctl.h>

namespace ipclab {

namespace {

/// TCP on 127.0.0.1 only. The session listens on a port the kernel picks before any worker
/// starts and hands the listening socket to the server, which accepts; the client is told the
/// port and connects. After a traced request/response, the plan also times Unix stream and TCP
/// side by side, untraced (param "timed_round_trips"; 0 skips it).
class TcpPlan : public RunPlan {
public:
    TcpPlan(const Scenario& scenario, const ParamValues& params) : m_params(params) {
        const PairedProcesses pair = requirePair(scenario, {{"client", "server"}, {"timed-client", "timed-server"}});
        m_listener = listeningLoopbackSocket(m_port);
        m_compare = pair.roles.first == std::string("client");
        const ProcessSpec& first = scenario.processes[pair.first];
        const ProcessSpec& second = scenario.processes[pair.second];
        m_workers.resize(2);
        m_workers[pair.first] = WorkerPlan{first.name, first.role, {}};
        m_workers[pair.first].names = {{"port", std::to_string(m_port)}, {"cpu", cpuFor(params, "client_cpu")}};
        m_workers[pair.second] = WorkerPlan{second.name, second.role, {{"listener", m_listener.get()}}};
        m_workers[pair.second].names = {{"cpu", cpuFor(params, "server_cpu")}};
        const std::uint64_t capacity = tcpReceiveBufferMax();
        m_gauges = {workerFdGauge("requests waiting at " + second.name, capacity, m_secondProbe, SIOCINQ),
                    workerFdGauge("responses waiting at " + first.name, capacity, m_firstProbe, SIOCINQ)};
        m_first = pair.first;
        m_objects = {"TCP listening socket on 127.0.0.1 port " + std::to_string(m_port) +
                     " (loopback only; receive buffers may grow to " + std::to_string(capacity) + " bytes)"};
    }

    void afterSpawn(const std::vector<int>& pids) override {
        *m_firstProbe = WorkerFdProbe(pids[m_first]);
        *m_secondProbe = WorkerFdProbe(pids[1 - m_first]);
        m_listener.reset(); // the server holds it now
    }

    std::optional<TimedComparison> timedComparison() const override {
        const auto rounds = m_params.find("timed_round_trips");
        if (!m_compare || rounds == m_params.end() || rounds->second <= 0) {
            return std::nullopt;
        }
        return TimedComparison{m_params.at("size"), rounds->second};
    }

private:
    ParamValues m_params;
    UniqueFd m_listener;
    std::uint16_t m_port = 0;
    bool m_compare = false; // the timed runs of the comparison itself compare nothing
    std::size_t m_first = 0;
    ProbeSlot m_firstProbe = emptyProbe();
    ProbeSlot m_secondProbe = emptyProbe();
};

} // namespace

std::unique_ptr<RunPlan> makeTcpPlan(const Scenario& scenario, const ParamValues& params) {
    return std::make_unique<TcpPlan>(scenario, params);
}

} // namespace ipclab
