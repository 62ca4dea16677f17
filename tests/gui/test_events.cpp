#include "test_events.h"

#include <QString>

namespace ipclab::test {

namespace {

std::vector<std::string>& collected() {
    static std::vector<std::string> warnings;
    return warnings;
}

void collect(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        collected().push_back(message.toStdString());
    }
}

Event wrap(EventPayload payload) {
    static std::uint64_t seq = 0;
    ++seq;
    return Event{seq, static_cast<std::int64_t>(seq) * 1000, std::move(payload)};
}

} // namespace

SyscallRecord call(int pid, const std::string& name, Phase phase, CopyDirection direction, std::uint64_t bytes,
                   int fd) {
    SyscallRecord record;
    record.pid = pid;
    record.name = name;
    record.fd = fd;
    record.args[0] = static_cast<std::uint64_t>(fd);
    record.args[2] = bytes;
    record.requested = bytes;
    record.result = static_cast<std::int64_t>(bytes);
    record.finished = true;
    record.phase = phase;
    record.direction = bytes > 0 ? direction : CopyDirection::None;
    record.copied = bytes;
    return record;
}

Event started(int pid, const std::string& name, const std::string& role) {
    return wrap(ProcessStarted{pid, name, role});
}
Event entered(const SyscallRecord& record) {
    return wrap(SyscallEntered{record});
}
Event exited(const SyscallRecord& record) {
    return wrap(SyscallExited{record});
}
Event phaseChanged(int pid, Phase phase) {
    return wrap(PhaseChanged{pid, phase});
}
Event sample(const std::string& channel, std::uint64_t used, std::uint64_t capacity) {
    return wrap(BufferSample{channel, used, capacity});
}
Event held(const SyscallRecord& record) {
    return wrap(HeldAtEntry{record});
}
Event notice(const std::string& text) {
    return wrap(Notice{Notice::Level::Warning, text});
}

std::vector<Event> roundTrip(std::uint64_t size) {
    const auto u2k = CopyDirection::UserToKernel;
    const auto k2u = CopyDirection::KernelToUser;
    const SyscallRecord steps[] = {
        call(100, "write", Phase::Transfer, u2k, size, 5),
        call(200, "read", Phase::Transfer, k2u, size, 4),
        call(200, "write", Phase::Transfer, u2k, size, 7),
        call(100, "read", Phase::Transfer, k2u, size, 6),
    };
    std::vector<Event> events;
    for (const SyscallRecord& step : steps) {
        events.push_back(entered(step));
        events.push_back(exited(step));
    }
    return events;
}

WarningCollector::WarningCollector() : m_previous(qInstallMessageHandler(collect)) {
    collected().clear();
}

WarningCollector::~WarningCollector() {
    qInstallMessageHandler(m_previous);
}

const std::vector<std::string>& WarningCollector::warnings() const {
    return collected();
}

} // namespace ipclab::test
