#pragma once

#include "scenario/scenario.h"
#include "session/session.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ipclab {

/// One run of a series, as the counter scenarios report it (§13): the updates lost, or why the
/// run gave no figure.
struct SeriesRun {
    int index = 0; ///< 1-based
    bool succeeded = false;
    std::optional<std::int64_t> lost; ///< N x K minus the final counter; nullopt when not reported
    std::int64_t total = 0;           ///< the final counter
    std::int64_t durationNs = 0;
    std::string failure; ///< why not, when !succeeded
};

/// Runs a counter scenario (mechanism "shm-counter") `runs` times in a row, untraced at full
/// speed (Measure mode: the outcome of a race must not be shaped by the observer), and collects
/// what each run lost: nondeterminism as material. Each run is a full Session, so each one
/// creates and removes its own objects.
class RunSeries {
public:
    /// Throws Error(BadUsage) when `scenario` is not a counter scenario, Error(BadParameter) for
    /// a run count outside 1..kMaxRuns or bad params (checked by building the first run's plan).
    RunSeries(Scenario scenario, ParamValues params, int runs, std::filesystem::path workerPath = {});

    static constexpr int kMaxRuns = 1000;

    /// Blocking; call once. `onRun` is called on this thread after each run, in order. Stops
    /// early, between or during runs, after requestStop(); the runs done so far are returned.
    std::vector<SeriesRun> run(const std::function<void(const SeriesRun&)>& onRun = {});

    /// Any thread: stops the run under way (its children are killed, its objects removed).
    void requestStop();
    bool stopped() const { return m_stop.load(); }

private:
    SeriesRun runOnce(int index);

    Scenario m_scenario;
    ParamValues m_params;
    int m_runs;
    std::filesystem::path m_workerPath;
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex; ///< guards m_current
    Session* m_current = nullptr;
};

} // namespace ipclab
