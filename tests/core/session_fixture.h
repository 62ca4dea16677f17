#pragma once

#include "scenario/scenario_loader.h"
#include "session/session.h"

#include <cerrno>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace ipclab::test {

/// Keeps every event a session emits. Thread-safe.
class CollectingSink : public EventSink {
public:
    void onEvent(const Event& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    std::vector<Event> events() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    template <typename T> std::vector<T> only() const {
        std::vector<T> out;
        for (const auto& event : events()) {
            if (const T* payload = std::get_if<T>(&event.payload)) {
                out.push_back(*payload);
            }
        }
        return out;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Event> m_events;
};

/// The fd numbers this process holds: a run must leave the same set behind.
inline std::set<int> openFds() {
    std::set<int> fds;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        fds.insert(std::stoi(entry.path().filename().string()));
    }
    return fds;
}

/// A shipped scenario, by id.
inline Scenario scenarioNamed(const std::string& id) {
    return loadScenarioFile(std::filesystem::path(IPCLAB_TEST_SCENARIO_DIR) / (id + ".toml"));
}

inline Scenario pipeScenario() {
    return loadScenarioFile(std::filesystem::path(IPCLAB_TEST_SCENARIO_DIR) / "pipe-request-response.toml");
}

inline SessionOptions testOptions() {
    SessionOptions options;
    options.workerPath = IPCLAB_TEST_WORKER;
    return options;
}

/// The lesson's price of request/response (§4), for one process: in the transfer phase, two
/// crossings and two copies per round trip, and size x rounds bytes each way.
inline void expectRequestResponsePrice(const RunResult& result, const ProcessOutcome& p, std::int64_t size,
                                       std::int64_t rounds) {
    const Tally transfer = result.summary.of(p.pid, Phase::Transfer);
    EXPECT_EQ(transfer.crossings, static_cast<std::uint64_t>(2 * rounds)) << p.name;
    EXPECT_EQ(transfer.copies, static_cast<std::uint64_t>(2 * rounds)) << p.name;
    EXPECT_EQ(transfer.bytesUserToKernel, static_cast<std::uint64_t>(size * rounds)) << p.name;
    EXPECT_EQ(transfer.bytesKernelToUser, static_cast<std::uint64_t>(size * rounds)) << p.name;
}

/// Runs `scenario` once with `overrides`. The session is gone when this returns, so every
/// object and fd of the run must be gone too: callers check that.
inline RunResult runScenario(const Scenario& scenario, const std::map<std::string, std::string>& overrides,
                             EventSink* sink = nullptr) {
    Session session(scenario, resolveParams(scenario, overrides), testOptions());
    return session.run(sink);
}

/// No child of ours may be left, running or unreaped.
inline bool noChildrenLeft() {
    int status = 0;
    return ::waitpid(-1, &status, WNOHANG | __WALL) < 0 && errno == ECHILD;
}

} // namespace ipclab::test
