#include "probe_run.h"

#include "protocol/record.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab::test {

void RecordingObserver::syscallEntered(const SyscallRecord& call) {
    std::lock_guard lock(m_mutex);
    m_entered.push_back(call);
}
void RecordingObserver::heldAtEntry(const SyscallRecord& call) {
    std::lock_guard lock(m_mutex);
    m_held.push_back(call);
}
void RecordingObserver::syscallExited(const SyscallRecord& call) {
    std::lock_guard lock(m_mutex);
    m_exited.push_back(call);
}
void RecordingObserver::phaseChanged(int /*pid*/, Phase phase, std::int64_t /*timeNs*/) {
    std::lock_guard lock(m_mutex);
    m_phases.push_back(phase);
}
void RecordingObserver::processExited(int /*pid*/, int waitStatus) {
    std::lock_guard lock(m_mutex);
    m_status = waitStatus;
    m_exited_ = true;
}
std::vector<SyscallRecord> RecordingObserver::entered() const {
    std::lock_guard lock(m_mutex);
    return m_entered;
}
std::vector<SyscallRecord> RecordingObserver::exited() const {
    std::lock_guard lock(m_mutex);
    return m_exited;
}
std::vector<SyscallRecord> RecordingObserver::held() const {
    std::lock_guard lock(m_mutex);
    return m_held;
}
std::vector<Phase> RecordingObserver::phases() const {
    std::lock_guard lock(m_mutex);
    return m_phases;
}
int RecordingObserver::exitStatus() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}
bool RecordingObserver::exitedYet() const {
    std::lock_guard lock(m_mutex);
    return m_exited_;
}

ProbeRun::ProbeRun(const std::string& mode) : devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC)) {
    SpawnSpec spec{IPCLAB_TEST_PROBE,
                   {mode},
                   {{control.theirs.get(), protocol::kControlFd},
                    {pipe.write.get(), 4},
                    {devNull.get(), 5},
                    {input.read.get(), 6}},
                   0};
    child = std::make_unique<ChildProcess>(spec);
    control.theirs.reset();
    pipe.write.reset();
    input.read.reset();
}

void ProbeRun::awaitReady() {
    protocol::RecordDecoder decoder;
    std::uint8_t buffer[64];
    for (;;) {
        const ssize_t n = ::read(control.ours.get(), buffer, sizeof buffer);
        if (n <= 0) {
            return;
        }
        decoder.feed(buffer, static_cast<std::size_t>(n));
        while (auto record = decoder.take()) {
            if (record->type == protocol::RecordType::Ready) {
                return;
            }
        }
    }
}

void ProbeRun::go() {
    const auto bytes = protocol::encode(protocol::Record{protocol::RecordType::Go, {}});
    (void)::write(control.ours.get(), bytes.data(), bytes.size());
}

} // namespace ipclab::test
