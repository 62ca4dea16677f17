#pragma once

// Helpers shared by the POSIX and System V message queue tests.
#include "launch/run_names.h"
#include "observe/pace_gate.h"
#include "session_fixture.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <future>
#include <mqueue.h>
#include <regex>
#include <sys/msg.h>
#include <thread>

namespace ipclab::test {

/// The calls `pid` made in `phase`, in order.
inline std::vector<SyscallRecord> callsOf(const RunResult& result, int pid, Phase phase) {
    std::vector<SyscallRecord> calls;
    for (const auto& call : result.syscalls) {
        if (call.pid == pid && call.phase == phase) {
            calls.push_back(call);
        }
    }
    return calls;
}

/// The POSIX queue names ("/ipclab-...") the run reported among its objects.
inline std::vector<std::string> posixQueueNames(const RunResult& result) {
    std::vector<std::string> names;
    const std::regex pattern("/ipclab-[0-9]+-[0-9]+-[a-z]+");
    for (const auto& object : result.ipcObjects) {
        for (std::sregex_iterator it(object.begin(), object.end(), pattern), end; it != end; ++it) {
            names.push_back(it->str());
        }
    }
    return names;
}

/// True when a POSIX queue `name` exists; false only when the kernel says ENOENT.
inline bool posixQueueExists(const std::string& name) {
    const mqd_t queue = ::mq_open(name.c_str(), O_RDONLY);
    if (queue != static_cast<mqd_t>(-1)) {
        ::mq_close(queue);
        return true;
    }
    return errno != ENOENT;
}

/// The System V key the run reported ("key 0x1b..."), or -1.
inline key_t sysvKeyOf(const RunResult& result) {
    const std::regex pattern("key (0x[0-9a-f]{8})");
    for (const auto& object : result.ipcObjects) {
        std::smatch match;
        if (std::regex_search(object, match, pattern)) {
            return static_cast<key_t>(std::stoul(match[1].str(), nullptr, 16));
        }
    }
    return -1;
}

/// True when a System V queue with `key` exists; false only when the kernel says ENOENT.
inline bool sysvQueueExists(key_t key) {
    return ::msgget(key, 0) >= 0 || errno != ENOENT;
}

/// "ipclab-12-7" plus `n`: "ipclab-12-8" for n = 1.
inline std::string tagPlus(const std::string& tag, unsigned n) {
    const auto dash = tag.rfind('-');
    return tag.substr(0, dash + 1) + std::to_string(std::stoul(tag.substr(dash + 1)) + n);
}

/// The tag the next run of this process will be named with. The probe used to find it takes a
/// number itself, so two calls in a row differ by one unless something else named a run between.
inline std::string nextRunTag() {
    const RunNames probe;
    return tagPlus(probe.tag(), 1);
}

/// "sysv-mq-types" -> "sysv_mq_types": a test name.
inline std::string testNameOf(std::string id) {
    std::replace(id.begin(), id.end(), '-', '_');
    return id;
}

/// A run in Step mode on another thread, held at its first system call entry.
struct HeldRun {
    PaceGate gate;
    CollectingSink sink;
    std::unique_ptr<Session> session;
    std::future<RunResult> result;

    explicit HeldRun(const Scenario& scenario) {
        gate.setMode(PaceMode::Step);
        SessionOptions options = testOptions();
        options.gate = &gate;
        session = std::make_unique<Session>(scenario, resolveParams(scenario, {}), options);
        result = std::async(std::launch::async, [this] { return session->run(&sink); });
    }

    /// False when no entry was held (ptrace unavailable): the caller stops the run and skips.
    bool waitHeld() {
        for (int i = 0; i < 500; ++i) {
            if (!sink.only<HeldAtEntry>().empty()) {
                return true;
            }
            for (const Notice& notice : sink.only<Notice>()) {
                if (notice.level != Notice::Level::Info) {
                    return false; // tracing unavailable: nothing will be held
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
};

} // namespace ipclab::test
