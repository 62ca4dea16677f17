#include "session/run_series.h"

#include "common/error.h"
#include "mechanisms/sync/counter_outcome.h"

#include <utility>

namespace ipclab {

RunSeries::RunSeries(Scenario scenario, ParamValues params, int runs, std::filesystem::path workerPath)
    : m_scenario(std::move(scenario)), m_params(std::move(params)), m_runs(runs), m_workerPath(std::move(workerPath)) {
    if (m_scenario.mechanism != "shm-counter") {
        throw Error(ErrorKind::BadUsage, "'" + m_scenario.id +
                                             "' is not a counter scenario: repeated runs count lost updates, which "
                                             "only the shared-counter scenarios (§13–§15) report");
    }
    if (m_runs < 1 || m_runs > kMaxRuns) {
        throw Error(ErrorKind::BadParameter, "the number of runs, " + std::to_string(m_runs) +
                                                 ", is out of range: 1 .. " + std::to_string(kMaxRuns));
    }
    // Checks the parameters and the kernel's limits now, before the first run, and leaves nothing.
    Session probe(m_scenario, m_params, SessionOptions{m_workerPath, false, nullptr});
}

std::vector<SeriesRun> RunSeries::run(const std::function<void(const SeriesRun&)>& onRun) {
    std::vector<SeriesRun> runs;
    for (int index = 1; index <= m_runs && !m_stop.load(); ++index) {
        SeriesRun one = runOnce(index);
        if (m_stop.load() && !one.succeeded) {
            break; // cut short by the stop: not an outcome of the race
        }
        runs.push_back(one);
        if (onRun) {
            onRun(one);
        }
    }
    return runs;
}

SeriesRun RunSeries::runOnce(int index) {
    Session session(m_scenario, m_params, SessionOptions{m_workerPath, false, nullptr});
    {
        std::lock_guard lock(m_mutex);
        m_current = &session;
    }
    if (m_stop.load()) {
        session.requestStop(); // asked between the check in run() and here
    }
    RunResult result = session.run(nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_current = nullptr;
    }
    SeriesRun one{index, result.succeeded, std::nullopt, 0, result.durationNs, result.failure};
    for (const ProcessOutcome& process : result.processes) {
        if (const auto outcome = parseCounterReport(process.report)) {
            one.lost = outcome->lost();
            one.total = outcome->total;
        }
    }
    if (one.succeeded && !one.lost) {
        one.succeeded = false;
        one.failure = "the run reported no counter";
    }
    return one;
}

void RunSeries::requestStop() {
    m_stop.store(true);
    std::lock_guard lock(m_mutex);
    if (m_current != nullptr) {
        m_current->requestStop();
    }
}

} // namespace ipclab
