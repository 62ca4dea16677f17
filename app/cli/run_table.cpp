#include "run_table.h"

#include "mapping_text.h"

#include <algorithm>
#include <iomanip>
#include <string>

namespace ipclab::cli {

namespace {

// Startup is the observer's own hand-shake, not the lesson's IPC, so the table leaves it out.
constexpr Phase kLessonPhases[] = {Phase::Setup, Phase::Transfer, Phase::Teardown};

void printRow(std::ostream& out, int roleWidth, const std::string& who, const std::string& role,
              const std::string& phase, const Tally& tally) {
    out << std::left << std::setw(8) << who << std::setw(roleWidth) << role << std::setw(10) << phase << std::right
        << std::setw(10) << tally.crossings << std::setw(8) << tally.copies << std::setw(15) << tally.bytesUserToKernel
        << std::setw(15) << tally.bytesKernelToUser << "\n";
}

void printTable(std::ostream& out, const RunResult& result) {
    std::size_t longestRole = 4;
    for (const ProcessOutcome& process : result.processes) {
        longestRole = std::max(longestRole, process.role.size());
    }
    const int roleWidth = static_cast<int>(longestRole) + 2;
    out << std::left << std::setw(8) << "process" << std::setw(roleWidth) << "role" << std::setw(10) << "phase"
        << std::right << std::setw(10) << "crossings" << std::setw(8) << "copies" << std::setw(15) << "user->kernel"
        << std::setw(15) << "kernel->user"
        << "\n";
    for (const ProcessOutcome& process : result.processes) {
        for (Phase phase : kLessonPhases) {
            printRow(out, roleWidth, process.name, process.role, phaseName(phase),
                     result.summary.of(process.pid, phase));
        }
    }
    Tally lessonTotal;
    for (Phase phase : kLessonPhases) {
        const Tally tally = result.summary.ofPhase(phase);
        printRow(out, roleWidth, "all", "", phaseName(phase), tally);
        lessonTotal += tally;
    }
    printRow(out, roleWidth, "all", "", "total", lessonTotal);
    const Tally startup = result.summary.ofPhase(Phase::Startup);
    if (startup.crossings > 0) {
        out << "(not shown: " << startup.crossings << " start-up crossings of the observer's hand-shake; see --json)\n";
    }
}

std::string outcomeText(const ProcessOutcome& process) {
    std::string text = process.signaled ? "killed by signal " + std::to_string(process.signal)
                                        : "exited " + std::to_string(process.exitCode);
    if (!process.report.empty()) {
        text += ": " + process.report;
    }
    return text;
}

std::string paramsText(const Scenario& scenario, const ParamValues& params) {
    std::string text;
    for (const auto& [name, value] : params) {
        const ParamSpec* spec = scenario.findParam(name);
        text +=
            (text.empty() ? "" : ", ") + name + "=" + (spec ? formatParamValue(*spec, value) : std::to_string(value));
    }
    return text.empty() ? "none" : text;
}

/// "measured untraced (...):" then one line per figure, grouped by placement as they come.
void printMeasurements(std::ostream& out, const std::vector<Measurement>& measurements) {
    if (measurements.empty()) {
        return;
    }
    out << "\nmeasured untraced (" << measurements.front().method << "):\n";
    std::string placement;
    for (const Measurement& m : measurements) {
        if (m.placement != placement) {
            placement = m.placement;
            out << "  " << placement << ":\n";
        }
        out << "    " << std::left << std::setw(34) << m.name << std::right << std::fixed << std::setprecision(1)
            << std::setw(9) << m.value << " " << m.unit << "\n";
        out.unsetf(std::ios::floatfield);
    }
    out << "\n";
}

std::string verdictText(const RunResult& result) {
    if (result.stopped) {
        return "STOPPED before it finished";
    }
    if (!result.succeeded) {
        return "FAILED: " + result.failure;
    }
    if (!result.plannedStopReason.empty()) {
        return "OK: " + result.plannedStopReason;
    }
    return "OK: every process did its part and the data arrived intact";
}

} // namespace

void printRunReport(std::ostream& out, const Scenario& scenario, const RunResult& result) {
    out << scenario.title << " (" << scenario.id << ", lesson section " << scenario.section << ")\n"
        << "parameters: " << paramsText(scenario, result.params) << "\n\n";
    if (result.traced) {
        printTable(out, result);
    } else {
        out << "kernel observation unavailable: "
            << (result.traceUnavailableReason.empty() ? "tracing was off" : result.traceUnavailableReason)
            << ".\nThe processes ran, but no system call was observed, so no crossing or copy is counted.\n";
    }
    out << "\n";
    for (const ProcessOutcome& process : result.processes) {
        out << process.name << " (" << process.role << ", pid " << process.pid << ") " << outcomeText(process) << "\n";
    }
    if (!result.ipcObjects.empty()) {
        out << "IPC objects (all removed):";
        for (std::size_t i = 0; i < result.ipcObjects.size(); ++i) {
            out << (i == 0 ? " " : "; ") << result.ipcObjects[i];
        }
        out << "\n";
    }
    printMeasurements(out, result.measurements);
    printMappings(out, result);
    out << "verdict: " << verdictText(result) << "\n";
}

} // namespace ipclab::cli
