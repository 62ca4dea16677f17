#include "mechanisms/timing/bench_link.h"

#include "mechanisms/mq/posix_mq_duplex.h"
#include "mechanisms/mq/sysv_mq_duplex.h"
#include "mechanisms/shm/shm_makers.h"
#include "mechanisms/socket/socket_roles.h"
#include "mechanisms/timing/hybrid_transfer.h"
#include "mechanisms/worker/duplex.h"

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <linux/futex.h>
#include <stdexcept>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

namespace ipclab {

namespace {

constexpr std::size_t kPage = 4096;
volatile std::uint64_t g_sink = 0;

/// A message mechanism behind a Duplex: buffers allocated once, at the cell's size.
class DuplexLink : public BenchLink {
public:
    DuplexLink(std::unique_ptr<Duplex> duplex, std::size_t size, bool stream)
        : m_duplex(std::move(duplex)), m_out(std::max<std::size_t>(size, 1), 0x5a),
          m_in(std::max<std::size_t>(size, 1)), m_stream(stream) {}
    ~DuplexLink() override { m_duplex->close(); }
    DuplexLink(const DuplexLink&) = delete;
    DuplexLink& operator=(const DuplexLink&) = delete;

    bool send(std::size_t size) override { return m_duplex->send({m_out.data(), size}); }
    bool receive(std::size_t size) override {
        // A stream reads exactly `size`; a message mechanism takes one message into a buffer the
        // size of the largest one the queue allows.
        return m_duplex->receive({m_in.data(), m_stream ? size : m_in.size()}) == size;
    }

private:
    std::unique_ptr<Duplex> m_duplex;
    std::vector<std::uint8_t> m_out;
    std::vector<std::uint8_t> m_in;
    bool m_stream;
};

/// One direction of a shared region: a header page with two futex words, then the data.
struct Lane {
    std::atomic<std::uint32_t>* posted;
    std::atomic<std::uint32_t>* consumed;
    std::uint8_t* data;
};

Lane laneAt(std::uint8_t* base) {
    return Lane{reinterpret_cast<std::atomic<std::uint32_t>*>(base),
                reinterpret_cast<std::atomic<std::uint32_t>*>(base + 64), base + kPage};
}

const std::uint32_t* raw(const std::atomic<std::uint32_t>* word) {
    return reinterpret_cast<const std::uint32_t*>(word);
}

/// Shared memory: the writer fills the lane's data in place and bumps "posted" (a futex wake);
/// the reader waits on it, reads every byte, bumps "consumed" so the writer may refill.
class ShmLink : public BenchLink {
public:
    ShmLink(SharedRegion region, std::size_t size, bool client) : m_region(std::move(region)) {
        const std::size_t laneLength = benchRegionLength(size) / 2;
        const Lane first = laneAt(m_region.base);
        const Lane second = laneAt(m_region.base + laneLength);
        m_out = client ? first : second;
        m_in = client ? second : first;
    }
    ~ShmLink() override { m_region.detach(); }
    ShmLink(const ShmLink&) = delete;
    ShmLink& operator=(const ShmLink&) = delete;

    bool send(std::size_t size) override {
        const std::uint32_t posted = m_out.posted->load(std::memory_order_relaxed);
        for (std::uint32_t seen; (seen = m_out.consumed->load(std::memory_order_acquire)) != posted;) {
            futexWaitWhile(raw(m_out.consumed), seen); // the reader has not finished the last one
        }
        std::memset(m_out.data, static_cast<int>(posted & 0xff), size);
        m_out.posted->store(posted + 1, std::memory_order_release);
        futexWakeAll(raw(m_out.posted));
        return true;
    }

    bool receive(std::size_t size) override {
        const std::uint32_t consumed = m_in.consumed->load(std::memory_order_relaxed);
        while (m_in.posted->load(std::memory_order_acquire) == consumed) {
            futexWaitWhile(raw(m_in.posted), consumed);
        }
        readAll(m_in.data, size);
        m_in.consumed->store(consumed + 1, std::memory_order_release);
        futexWakeAll(raw(m_in.consumed));
        return true;
    }

private:
    SharedRegion m_region;
    Lane m_out{};
    Lane m_in{};
};

/// The LPC-style hybrid over a connected Unix stream socket.
class HybridLink : public BenchLink {
public:
    HybridLink(int fd, std::size_t size, std::size_t threshold)
        : m_fd(fd), m_threshold(threshold), m_buffer(std::max<std::size_t>(size, 1), 0x5a) {}
    ~HybridLink() override { ::close(m_fd); }
    HybridLink(const HybridLink&) = delete;
    HybridLink& operator=(const HybridLink&) = delete;

    bool send(std::size_t size) override {
        return size < m_threshold ? writeFully(m_fd, m_buffer.data(), size) : sendInMemfd(m_fd, size);
    }
    bool receive(std::size_t size) override {
        return size < m_threshold ? readFully(m_fd, m_buffer.data(), size) == size : receiveMemfd(m_fd, size);
    }

private:
    int m_fd;
    std::size_t m_threshold;
    std::vector<std::uint8_t> m_buffer;
};

int openFifo(const WorkerContext& context, const char* key, int flags) {
    const std::string& path = context.name(key);
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        throw std::runtime_error("open(" + path + "): " + std::strerror(errno));
    }
    return fd;
}

std::unique_ptr<BenchLink> openShmLink(const WorkerContext& context, const std::string& mechanism, std::size_t size,
                                       bool client) {
    const RegionMaker maker = mechanism == "sysv-shm"    ? sysvShmMaker()
                              : mechanism == "posix-shm" ? posixShmMaker()
                                                         : mappedFileMaker();
    return std::make_unique<ShmLink>(maker.open(context, benchRegionLength(size)), size, client);
}

} // namespace

std::unique_ptr<BenchLink> openBenchLink(const WorkerContext& context, bool client) {
    const std::string& mechanism = context.name("mechanism");
    const auto size = static_cast<std::size_t>(context.param("size"));
    auto stream = [&](int in, int out) {
        return std::make_unique<DuplexLink>(std::make_unique<StreamDuplex>(in, out), size, true);
    };
    if (mechanism == "pipe") {
        return stream(context.fd("in"), context.fd("out"));
    }
    if (mechanism == "fifo") {
        // Both open the request FIFO first: each open waits for the other side's.
        const int requests = openFifo(context, "requests", client ? O_WRONLY : O_RDONLY);
        const int responses = openFifo(context, "responses", client ? O_RDONLY : O_WRONLY);
        return client ? stream(responses, requests) : stream(requests, responses);
    }
    if (mechanism == "unix-socket") {
        return stream(context.fd("socket"), context.fd("socket"));
    }
    if (mechanism == "tcp") {
        return std::make_unique<DuplexLink>(client ? openTcpClient(context) : openTcpServer(context), size, true);
    }
    if (mechanism == "posix-mq") {
        const std::string& requests = context.name("requests");
        const std::string& responses = context.name("responses");
        return std::make_unique<DuplexLink>(client ? std::make_unique<PosixMqDuplex>(responses, requests)
                                                   : std::make_unique<PosixMqDuplex>(requests, responses),
                                            size, false);
    }
    if (mechanism == "sysv-mq") {
        const int id = openSysvQueue(context.name("keyfile"));
        return std::make_unique<DuplexLink>(
            std::make_unique<SysvMqDuplex>(id, client ? 1 : 2, client ? 2 : 1, std::max<std::size_t>(size, 1)), size,
            false);
    }
    if (mechanism == "hybrid") {
        return std::make_unique<HybridLink>(context.fd("socket"), size,
                                            static_cast<std::size_t>(context.param("threshold")));
    }
    if (mechanism == "sysv-shm" || mechanism == "posix-shm" || mechanism == "mmap-file") {
        return openShmLink(context, mechanism, size, client);
    }
    throw std::runtime_error("no bench channel for mechanism '" + mechanism + "'");
}

std::size_t benchRegionLength(std::size_t size) {
    const std::size_t data = (std::max<std::size_t>(size, 1) + kPage - 1) / kPage * kPage;
    return 2 * (kPage + data);
}

void readAll(const std::uint8_t* data, std::size_t size) {
    std::uint64_t sum = 0;
    std::size_t i = 0;
    for (; i + sizeof(std::uint64_t) <= size; i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, data + i, sizeof word);
        sum += word;
    }
    for (; i < size; ++i) {
        sum += data[i];
    }
    g_sink = g_sink + sum;
}

void futexWaitWhile(const std::uint32_t* word, std::uint32_t value) {
    // EAGAIN (the word already changed) and EINTR both just mean: look again.
    ::syscall(SYS_futex, word, FUTEX_WAIT, value, nullptr, nullptr, 0);
}

void futexWakeAll(const std::uint32_t* word) {
    ::syscall(SYS_futex, word, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

} // namespace ipclab
