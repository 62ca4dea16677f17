#include "mechanisms/sync/counter_locks.h"

#include "common/sysv_project_id.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/ipc.h>
#include <sys/sem.h>

namespace ipclab {

namespace {

[[noreturn]] void fail(const std::string& what, int error) {
    throw std::runtime_error(what + ": " + std::strerror(error));
}

class NoLock final : public CounterLock {
public:
    std::string object() const override { return "the counter (no lock)"; }
    void create(CounterSegment&, const WorkerContext&) override {}
    void open(CounterSegment&, const WorkerContext&) override {}
    std::int64_t lock() override { return -1; }
    std::int64_t unlock() override { return -1; }
    void close(bool) override {}
};

class SharedMutexLock final : public CounterLock {
public:
    std::string object() const override { return "pthread mutex in the segment"; }
    std::optional<RegionField> fieldInSegment() const override {
        return RegionField{offsetof(CounterSegment, mutex), sizeof(pthread_mutex_t),
                           "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)"};
    }
    void create(CounterSegment& segment, const WorkerContext&) override {
        m_mutex = &segment.mutex;
        pthread_mutexattr_t attr;
        ::pthread_mutexattr_init(&attr);
        // Without this attribute glibc may keep per-process state; with it the mutex is a word in
        // shared memory that any process mapping it can lock (§14).
        if (const int error = ::pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED); error != 0) {
            fail("pthread_mutexattr_setpshared", error);
        }
        const int error = ::pthread_mutex_init(m_mutex, &attr);
        ::pthread_mutexattr_destroy(&attr);
        if (error != 0) {
            fail("pthread_mutex_init", error);
        }
    }
    void open(CounterSegment& segment, const WorkerContext&) override { m_mutex = &segment.mutex; }
    std::int64_t lock() override {
        if (const int error = ::pthread_mutex_lock(m_mutex); error != 0) {
            fail("pthread_mutex_lock", error);
        }
        return -1;
    }
    std::int64_t unlock() override {
        ::pthread_mutex_unlock(m_mutex);
        return -1;
    }
    void close(bool creator) override {
        if (creator) {
            ::pthread_mutex_destroy(m_mutex);
        }
    }

private:
    pthread_mutex_t* m_mutex = nullptr;
};

class SysvSemLock final : public CounterLock {
public:
    std::string object() const override {
        char text[64];
        std::snprintf(text, sizeof text, "System V semaphore key 0x%08x", static_cast<unsigned>(m_key));
        return text;
    }
    void create(CounterSegment&, const WorkerContext& context) override {
        attach(context, IPC_CREAT | IPC_EXCL | 0600);
        if (::semctl(m_id, 0, SETVAL, 1) != 0) { // a binary semaphore starts free: 1
            fail("semctl(SETVAL 1)", errno);
        }
    }
    void open(CounterSegment&, const WorkerContext& context) override { attach(context, 0); }
    std::int64_t lock() override { return step(-1); }
    std::int64_t unlock() override { return step(+1); }
    void close(bool creator) override {
        if (creator) {
            ::semctl(m_id, 0, IPC_RMID);
        }
    }

private:
    void attach(const WorkerContext& context, int flags) {
        m_key = ::ftok(context.name("sem_key_file").c_str(), kSysvProjectId);
        if (m_key == -1) {
            fail("ftok(" + context.name("sem_key_file") + ")", errno);
        }
        m_id = ::semget(m_key, 1, flags);
        if (m_id < 0) {
            fail("semget(" + object() + ")", errno);
        }
    }
    // P (-1) blocks while the value is 0; V (+1) lets one waiter through. The value read back
    // afterwards is for the timeline only: another process may have changed it already.
    std::int64_t step(short delta) {
        sembuf op{0, delta, 0};
        while (::semop(m_id, &op, 1) != 0) {
            if (errno != EINTR) {
                fail("semop", errno);
            }
        }
        return delta < 0 ? 0 : 1;
    }

    key_t m_key = -1;
    int m_id = -1;
};

class PosixSemLock : public CounterLock {
public:
    std::int64_t lock() override {
        while (::sem_wait(m_sem) != 0) {
            if (errno != EINTR) {
                fail("sem_wait", errno);
            }
        }
        return 0;
    }
    std::int64_t unlock() override {
        if (::sem_post(m_sem) != 0) {
            fail("sem_post", errno);
        }
        return 1;
    }

protected:
    sem_t* m_sem = nullptr;
};

class NamedSemLock final : public PosixSemLock {
public:
    std::string object() const override { return "POSIX semaphore " + m_name; }
    void create(CounterSegment&, const WorkerContext& context) override {
        m_name = context.name("sem_name");
        m_sem = ::sem_open(m_name.c_str(), O_CREAT | O_EXCL, 0600, 1U);
        if (m_sem == SEM_FAILED) {
            fail("sem_open(" + m_name + ", O_CREAT|O_EXCL)", errno);
        }
    }
    void open(CounterSegment&, const WorkerContext& context) override {
        m_name = context.name("sem_name");
        m_sem = ::sem_open(m_name.c_str(), 0);
        if (m_sem == SEM_FAILED) {
            fail("sem_open(" + m_name + ")", errno);
        }
    }
    void close(bool creator) override {
        ::sem_close(m_sem);
        if (creator) {
            ::sem_unlink(m_name.c_str());
        }
    }

private:
    std::string m_name;
};

class UnnamedSemLock final : public PosixSemLock {
public:
    std::string object() const override { return "unnamed POSIX semaphore in the segment"; }
    std::optional<RegionField> fieldInSegment() const override {
        return RegionField{offsetof(CounterSegment, semaphore), sizeof(sem_t), "semaphore (sem_t, pshared = 1)"};
    }
    void create(CounterSegment& segment, const WorkerContext&) override {
        m_sem = &segment.semaphore;
        if (::sem_init(m_sem, 1, 1) != 0) { // pshared = 1: it lives in shared memory
            fail("sem_init(pshared = 1)", errno);
        }
    }
    void open(CounterSegment& segment, const WorkerContext&) override { m_sem = &segment.semaphore; }
    void close(bool creator) override {
        if (creator) {
            ::sem_destroy(m_sem);
        }
    }
};

} // namespace

std::unique_ptr<CounterLock> makeNoLock() {
    return std::make_unique<NoLock>();
}
std::unique_ptr<CounterLock> makeSharedMutexLock() {
    return std::make_unique<SharedMutexLock>();
}
std::unique_ptr<CounterLock> makeSysvSemLock() {
    return std::make_unique<SysvSemLock>();
}
std::unique_ptr<CounterLock> makeNamedSemLock() {
    return std::make_unique<NamedSemLock>();
}
std::unique_ptr<CounterLock> makeUnnamedSemLock() {
    return std::make_unique<UnnamedSemLock>();
}

} // namespace ipclab
