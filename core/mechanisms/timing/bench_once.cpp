#include "mechanisms/timing/bench_once.h"

#include "common/sysv_project_id.h"
#include "mechanisms/timing/bench_link.h"
#include "mechanisms/timing/bench_once_kinds.h"
#include "mechanisms/timing/hybrid_transfer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <mqueue.h>
#include <stdexcept>
#include <sys/msg.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab {

void requireCall(bool ok, const std::string& what) {
    if (!ok) {
        throw std::runtime_error(what + ": " + std::strerror(errno));
    }
}

namespace {

void awaitDone(int ctl) {
    requireCall(receiveControl(ctl).has_value(), "the peer's done message");
}

void sayDone(int ctl) {
    requireCall(sendControl(ctl, 1), "sending done");
}

void awaitGo(int ctl, int* fd = nullptr) {
    requireCall(receiveControl(ctl, fd).has_value(), "the creator's go message");
}

class PipeOnce : public BenchOnce {
public:
    explicit PipeOnce(std::size_t size) : m_buffer(size, 0x5a) {}
    void setupTeardown() override {
        int fds[2];
        requireCall(::pipe2(fds, O_CLOEXEC) == 0, "pipe2");
        ::close(fds[0]);
        ::close(fds[1]);
    }
    void createAndSend(int ctl) override {
        int fds[2];
        requireCall(::pipe2(fds, O_CLOEXEC) == 0, "pipe2");
        const bool passed = sendControl(ctl, 0, fds[0]);
        ::close(fds[0]);
        const bool sent = passed && writeFully(fds[1], m_buffer.data(), m_buffer.size());
        ::close(fds[1]);
        requireCall(sent, "write to the pipe");
        awaitDone(ctl);
    }
    void openAndReceive(int ctl) override {
        int fd = -1;
        awaitGo(ctl, &fd);
        const bool ok = readFully(fd, m_buffer.data(), m_buffer.size()) == m_buffer.size();
        ::close(fd);
        requireCall(ok, "read from the pipe");
        sayDone(ctl);
    }

private:
    std::vector<std::uint8_t> m_buffer;
};

class FifoOnce : public BenchOnce {
public:
    FifoOnce(std::string path, std::size_t size) : m_path(std::move(path)), m_buffer(size, 0x5a) {}
    void setupTeardown() override {
        requireCall(::mkfifo(m_path.c_str(), 0600) == 0, "mkfifo(" + m_path + ")");
        const int in = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        const int out = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
        ::close(in);
        ::close(out);
        ::unlink(m_path.c_str());
        requireCall(in >= 0 && out >= 0, "open(" + m_path + ")");
    }
    void createAndSend(int ctl) override {
        requireCall(::mkfifo(m_path.c_str(), 0600) == 0, "mkfifo(" + m_path + ")");
        requireCall(sendControl(ctl, 0), "sending go");
        const int out = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC); // waits for the peer's open
        const bool ok = out >= 0 && writeFully(out, m_buffer.data(), m_buffer.size());
        ::close(out);
        requireCall(ok, "write to " + m_path);
        awaitDone(ctl);
        ::unlink(m_path.c_str());
    }
    void openAndReceive(int ctl) override {
        awaitGo(ctl);
        const int in = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        const bool ok = in >= 0 && readFully(in, m_buffer.data(), m_buffer.size()) == m_buffer.size();
        ::close(in);
        requireCall(ok, "read from " + m_path);
        sayDone(ctl);
    }

private:
    std::string m_path;
    std::vector<std::uint8_t> m_buffer;
};

class PosixMqOnce : public BenchOnce {
public:
    PosixMqOnce(std::string name, std::size_t size) : m_name(std::move(name)), m_buffer(size, 0x5a) {}
    void setupTeardown() override {
        ::mq_close(create(O_RDWR));
        ::mq_unlink(m_name.c_str());
    }
    void createAndSend(int ctl) override {
        const mqd_t queue = create(O_WRONLY);
        const bool ok = sendControl(ctl, 0) &&
                        ::mq_send(queue, reinterpret_cast<const char*>(m_buffer.data()), m_buffer.size(), 0) == 0;
        const int sendError = errno;
        if (ok) {
            awaitDone(ctl);
        }
        ::mq_close(queue);
        ::mq_unlink(m_name.c_str());
        errno = sendError;
        requireCall(ok, "mq_send(" + m_name + ")");
    }
    void openAndReceive(int ctl) override {
        awaitGo(ctl);
        const mqd_t queue = ::mq_open(m_name.c_str(), O_RDONLY | O_CLOEXEC);
        requireCall(queue != static_cast<mqd_t>(-1), "mq_open(" + m_name + ")");
        const ssize_t n = ::mq_receive(queue, reinterpret_cast<char*>(m_buffer.data()), m_buffer.size(), nullptr);
        ::mq_close(queue);
        requireCall(n == static_cast<ssize_t>(m_buffer.size()), "mq_receive(" + m_name + ")");
        sayDone(ctl);
    }

private:
    mqd_t create(int access) {
        mq_attr attributes{};
        attributes.mq_maxmsg = 1;
        attributes.mq_msgsize = static_cast<long>(m_buffer.size());
        const mqd_t queue = ::mq_open(m_name.c_str(), access | O_CREAT | O_EXCL | O_CLOEXEC, 0600, &attributes);
        requireCall(queue != static_cast<mqd_t>(-1), "mq_open(" + m_name + ", O_CREAT)");
        return queue;
    }

    std::string m_name;
    std::vector<std::uint8_t> m_buffer;
};

class SysvMqOnce : public BenchOnce {
public:
    SysvMqOnce(key_t key, std::size_t size) : m_key(key), m_size(size), m_words(1 + size / sizeof(long) + 1, 1) {}
    void setupTeardown() override { ::msgctl(create(), IPC_RMID, nullptr); }
    void createAndSend(int ctl) override {
        const int id = create();
        const bool ok = sendControl(ctl, 0) && ::msgsnd(id, m_words.data(), m_size, 0) == 0;
        const int sendError = errno;
        if (ok) {
            awaitDone(ctl);
        }
        ::msgctl(id, IPC_RMID, nullptr);
        errno = sendError;
        requireCall(ok, "msgsnd");
    }
    void openAndReceive(int ctl) override {
        awaitGo(ctl);
        const int id = ::msgget(m_key, 0);
        requireCall(id >= 0, "msgget");
        requireCall(::msgrcv(id, m_words.data(), m_size, 0, 0) == static_cast<ssize_t>(m_size), "msgrcv");
        sayDone(ctl);
    }

private:
    int create() {
        const int id = ::msgget(m_key, IPC_CREAT | IPC_EXCL | 0600);
        requireCall(id >= 0, "msgget(IPC_CREAT)");
        return id;
    }

    key_t m_key;
    std::size_t m_size;
    std::vector<long> m_words; ///< the type (1), then the text
};

} // namespace

std::unique_ptr<BenchOnce> makePipeOnce(std::size_t size) {
    return std::make_unique<PipeOnce>(size);
}

std::unique_ptr<BenchOnce> makeFifoOnce(const WorkerContext& context, std::size_t size) {
    return std::make_unique<FifoOnce>(context.name("once_path"), size);
}

std::unique_ptr<BenchOnce> makePosixMqOnce(const WorkerContext& context, std::size_t size) {
    return std::make_unique<PosixMqOnce>(context.name("once_posix"), size);
}

std::unique_ptr<BenchOnce> makeSysvMqOnce(const WorkerContext& context, std::size_t size) {
    const key_t key = ::ftok(context.name("once_keyfile").c_str(), kSysvProjectId);
    requireCall(key != -1, "ftok(" + context.name("once_keyfile") + ")");
    return std::make_unique<SysvMqOnce>(key, size);
}

std::unique_ptr<BenchOnce> makeBenchOnce(const WorkerContext& context) {
    const std::string& mechanism = context.name("mechanism");
    const auto size = static_cast<std::size_t>(context.param("size"));
    if (mechanism == "pipe") {
        return makePipeOnce(size);
    }
    if (mechanism == "fifo") {
        return makeFifoOnce(context, size);
    }
    if (mechanism == "posix-mq") {
        return makePosixMqOnce(context, size);
    }
    if (mechanism == "sysv-mq") {
        return makeSysvMqOnce(context, size);
    }
    if (mechanism == "unix-socket" || mechanism == "tcp" || mechanism == "hybrid") {
        const std::size_t threshold = mechanism == "hybrid" ? static_cast<std::size_t>(context.param("threshold"))
                                                            : std::numeric_limits<std::size_t>::max();
        return makeSocketOnce(context, size, mechanism == "tcp", threshold);
    }
    if (mechanism == "sysv-shm" || mechanism == "posix-shm" || mechanism == "mmap-file") {
        return makeShmOnce(context, size);
    }
    throw std::runtime_error("no one-time bench for mechanism '" + mechanism + "'");
}

} // namespace ipclab
