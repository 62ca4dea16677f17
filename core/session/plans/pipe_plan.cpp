#include "common/error.h"
#include "common/unique_fd.h"
#include "session/plans/plans.h"

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

std::string describe(const char* which, std::uint64_t capacity) {
    return std::string("pipe: ") + which + " (capacity " + std::to_string(capacity) + " bytes, from F_GETPIPE_SZ)";
}

bool isRequestResponse(const Scenario& scenario) {
    for (const ProcessSpec& process : scenario.processes) {
        if (process.role == "client" || process.role == "server") {
            return true;
        }
    }
    return false;
}

/// Client and server joined by two pipes, one each way (lesson §4).
class RequestResponsePipes : public RunPlan {
public:
    explicit RequestResponsePipes(const Scenario& scenario) : m_request(makePipe()), m_response(makePipe()) {
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
        m_objects = {describe("request", requestCapacity), describe("response", responseCapacity)};
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

/// One pipe from a writer to a reader: the byte stream ("P1 | P2") and the pipe filling up.
class OneWayPipe : public RunPlan {
public:
    OneWayPipe(const Scenario& scenario, const ParamValues& params) : m_pipe(makePipe()) {
        const std::uint64_t capacity = pipeCapacity(m_pipe.read.get());
        std::string writerName;
        for (const ProcessSpec& process : scenario.processes) {
            requireRole(scenario, process, {"writer", "reader", "flood-writer", "slow-reader"});
            const bool writes = process.role == "writer" || process.role == "flood-writer";
            WorkerPlan worker{process.name, process.role, {}};
            worker.channels = {{writes ? "out" : "in", writes ? m_pipe.write.get() : m_pipe.read.get()}};
            if (process.role == "writer") {
                writerName = process.name;
            }
            m_workers.push_back(std::move(worker));
        }
        for (WorkerPlan& worker : m_workers) {
            if (worker.role == "reader") {
                worker.startsAfter = writerName; // reads what the writer left, all of it at once
            }
        }
        if (params.contains("messages") && params.contains("size")) {
            requireFits(params.at("messages"), params.at("size"), capacity);
        }
        m_gauges = {bytesWaitingGauge("pipe", m_pipe.read.get(), capacity)};
        m_objects = {describe("data", capacity)};
    }

    void afterSpawn(const std::vector<int>& /*pids*/) override { m_pipe.write.reset(); }

private:
    static void requireFits(std::int64_t messages, std::int64_t size, std::uint64_t capacity) {
        // The reader starts once the writer is done, so everything must wait in the pipe at once.
        const auto total = static_cast<std::uint64_t>(messages * size);
        if (total > capacity) {
            throw Error(ErrorKind::BadParameter,
                        "parameters 'messages' x 'size' = " + std::to_string(messages) + " x " + std::to_string(size) +
                            " = " + std::to_string(total) + " bytes do not fit this pipe, which holds " +
                            std::to_string(capacity) +
                            " bytes (F_GETPIPE_SZ): the writer would wait forever for a reader that starts after it");
        }
    }

    PipePair m_pipe;
};

} // namespace

std::unique_ptr<RunPlan> makePipePlan(const Scenario& scenario, const ParamValues& params) {
    if (isRequestResponse(scenario)) {
        return std::make_unique<RequestResponsePipes>(scenario);
    }
    return std::make_unique<OneWayPipe>(scenario, params);
}

} // namespace ipclab
