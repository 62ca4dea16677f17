#include "mechanisms/worker/worker_context.h"

#include "common/monotonic_clock.h"
#include "protocol/record.h"

#include <utility>

#include <cerrno>
#include <stdexcept>
#include <unistd.h>

namespace ipclab {

namespace {

void sendRecord(const protocol::Record& record) {
    const auto bytes = protocol::encode(record);
    // Records are below PIPE_BUF and the control channel is ours alone: one write is whole.
    (void)::write(protocol::kControlFd, bytes.data(), bytes.size());
}

} // namespace

WorkerContext::WorkerContext(std::map<std::string, std::int64_t> params, std::map<std::string, int> fds,
                             std::map<std::string, std::string> names)
    : m_params(std::move(params)), m_fds(std::move(fds)), m_names(std::move(names)) {}

std::int64_t WorkerContext::param(const std::string& name) const {
    const auto it = m_params.find(name);
    if (it == m_params.end()) {
        throw std::out_of_range("the session passed no parameter '" + name + "'");
    }
    return it->second;
}

std::int64_t WorkerContext::paramOr(const std::string& name, std::int64_t fallback) const {
    const auto it = m_params.find(name);
    return it == m_params.end() ? fallback : it->second;
}

int WorkerContext::fd(const std::string& name) const {
    const auto it = m_fds.find(name);
    if (it == m_fds.end()) {
        throw std::out_of_range("the session passed no channel '" + name + "'");
    }
    return it->second;
}

const std::string& WorkerContext::name(const std::string& key) const {
    const auto it = m_names.find(key);
    if (it == m_names.end()) {
        throw std::out_of_range("the session passed no name '" + key + "'");
    }
    return it->second;
}

void WorkerContext::enterPhase(Phase phase) const {
    sendRecord(protocol::makePhaseRecord(phase, monotonicNs()));
}

void WorkerContext::announceMapping(const void* start, std::size_t length, std::size_t dataOffset,
                                    const std::string& label, std::vector<RegionField> fields) const {
    sendRecord(protocol::makeMappedRecord(
        protocol::MappedRegion{reinterpret_cast<std::uint64_t>(start), length, dataOffset, label, std::move(fields)}));
}

void WorkerContext::announceSync(SyncEvent::Kind kind, const std::string& object, std::int64_t value) const {
    sendRecord(
        protocol::makeSyncRecord(protocol::SyncStep{static_cast<std::uint8_t>(kind), monotonicNs(), value, object}));
}

void WorkerContext::report(bool ok, const std::string& text) const {
    sendRecord(protocol::makeReportRecord(ok, text));
}

bool writeFully(int fd, const std::uint8_t* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

std::size_t readFully(int fd, std::uint8_t* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    return done;
}

} // namespace ipclab
