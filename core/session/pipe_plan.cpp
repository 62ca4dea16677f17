#include "common/error.h"
#include "common/unique_fd.h"
#include "session/plans.h"

#include <cerrno>
#include <fcntl.h>

namespace ipclab {

namespace {

std::uint64_t pipeCapacity(int fd) {
    const int size = ::fcntl(fd, F_GETPIPE_SZ);
    if (size < 0) {
        throwSystemError("cannot read the pipe's capacity (F_GETPIPE_SZ)", errno);
    }
    return static_cast<std::uint64_t>(size);
}

class PipePlan : public RunPlan {
public:
    explicit PipePlan(const Scenario& scenario) : m_request(makePipe()), m_response(makePipe()) {
        for (const ProcessSpec& process : scenario.processes) {
            requireRole(scenario, process, {"client", "server"});
            WorkerPlan worker{process.name, process.role, {}};
            if (process.role == "client") {
                worker.channels = {{"out", m_request.write.get()}, {"in", m_response.read.get()}};
            } else {
                worker.channels = {{"in", m_request.read.get()}, {"out", m_response.write.get()}};
            }
            m_workers.push_back(std::move(worker));
        }
        const std::uint64_t requestCapacity = pipeCapacity(m_request.read.get());
        const std::uint64_t responseCapacity = pipeCapacity(m_response.read.get());
        m_gauges = {bytesWaitingGauge("request pipe", m_request.read.get(), requestCapacity),
                    bytesWaitingGauge("response pipe", m_response.read.get(), responseCapacity)};
        m_objects = {"pipe: request (capacity " + std::to_string(requestCapacity) + " bytes)",
                     "pipe: response (capacity " + std::to_string(responseCapacity) + " bytes)"};
    }

    void afterSpawn(const std::vector<int>& /*pids*/) override {
        // Read ends stay open for FIONREAD; holding a write end would keep a reader from EOF.
        m_request.write.reset();
        m_response.write.reset();
    }

private:
    PipePair m_request;
    PipePair m_response;
};

} // namespace

std::unique_ptr<RunPlan> makePipePlan(const Scenario& scenario, const ParamValues& /*params*/) {
    return std::make_unique<PipePlan>(scenario);
}

} // namespace ipclab
