#include "quiz/run_check.h"

#include "common/error.h"

#include <algorithm>
#include <cstdio>

namespace ipclab {

namespace {

constexpr std::size_t kExplainedTraceLines = 12;

void addTally(ObservedFigures& figures, const std::string& phase, const Tally& tally) {
    figures[phase + ".crossings"] = static_cast<double>(tally.crossings);
    figures[phase + ".copies"] = static_cast<double>(tally.copies);
    figures[phase + ".bytes"] = static_cast<double>(tally.bytesUserToKernel + tally.bytesKernelToUser);
    figures[phase + ".bytes_user_to_kernel"] = static_cast<double>(tally.bytesUserToKernel);
    figures[phase + ".bytes_kernel_to_user"] = static_cast<double>(tally.bytesKernelToUser);
}

std::string nameOf(const std::map<int, std::string>& names, int pid) {
    const auto it = names.find(pid);
    return it != names.end() ? it->second : "pid " + std::to_string(pid);
}

std::string hexAddress(std::uint64_t address) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(address));
    return buffer;
}

std::string figure(const ObservedFigures& figures, const std::string& name) {
    const auto it = figures.find(name);
    return it == figures.end() ? "?" : std::to_string(static_cast<unsigned long long>(it->second));
}

std::string paramsText(const ParamValues& params) {
    std::string text;
    for (const auto& [name, value] : params) {
        text += (text.empty() ? "" : ", ") + name + "=" + std::to_string(value);
    }
    return text;
}

} // namespace

ObservedFigures observedFigures(const Summary& summary) {
    ObservedFigures figures;
    addTally(figures, "startup", summary.ofPhase(Phase::Startup));
    addTally(figures, "setup", summary.ofPhase(Phase::Setup));
    addTally(figures, "transfer", summary.ofPhase(Phase::Transfer));
    addTally(figures, "teardown", summary.ofPhase(Phase::Teardown));
    addTally(figures, "total", summary.total());
    return figures;
}

RunObservation observeRun(const RunResult& result, std::size_t maxTraceLines) {
    RunObservation observation;
    observation.scenarioId = result.scenarioId;
    observation.params = result.params;
    observation.traced = result.traced;
    observation.traceUnavailableReason = result.traceUnavailableReason;
    observation.succeeded = result.succeeded;
    observation.failure = result.failure;
    observation.mappings = result.mappings;
    for (const ProcessOutcome& process : result.processes) {
        observation.names[process.pid] = process.name;
    }
    if (!result.traced) {
        return observation; // no figure was seen, so none is reported
    }
    observation.figures = observedFigures(result.summary);
    for (const SyscallRecord& call : result.syscalls) {
        if (call.phase != Phase::Transfer) {
            continue;
        }
        if (observation.trace.size() == maxTraceLines) {
            break;
        }
        observation.trace.push_back(nameOf(observation.names, call.pid) + " " + call.callText() + " " +
                                    call.resultText());
    }
    return observation;
}

QuestionRun prepareQuestionRun(const Question& question, const ScenarioCatalog& catalog) {
    if (!question.run) {
        throw Error(ErrorKind::BadUsage, "question '" + question.id + "' runs no scenario");
    }
    const Scenario* scenario = catalog.find(question.run->scenarioId);
    if (scenario == nullptr) {
        throw Error(ErrorKind::BadUsage, "question '" + question.id + "' runs scenario '" + question.run->scenarioId +
                                             "', which is not among the loaded scenarios");
    }
    return {*scenario, resolveParams(*scenario, question.run->params)};
}

RunObservation runQuestionScenario(const Question& question, const ScenarioCatalog& catalog,
                                   const SessionOptions& options) {
    QuestionRun run = prepareQuestionRun(question, catalog);
    Session session(std::move(run.scenario), std::move(run.params), options);
    return observeRun(session.run(nullptr));
}

std::string observedExplanation(const Question& question, const RunObservation& observation) {
    std::string text =
        question.explanation + "\n\nThe run (" + observation.scenarioId + ", " + paramsText(observation.params) + ")";
    if (!observation.succeeded) {
        text += " did not complete: " + observation.failure + ".";
    }
    if (!observation.traced) {
        return text + " could not be traced: " + observation.traceUnavailableReason +
               ". Without the trace no figure was observed, so none is shown.";
    }
    text += ": in the transfer phase the kernel was seen doing " + figure(observation.figures, "transfer.crossings") +
            " crossings and " + figure(observation.figures, "transfer.copies") + " copies, moving " +
            figure(observation.figures, "transfer.bytes") + " bytes (" +
            figure(observation.figures, "transfer.bytes_user_to_kernel") + " from user to kernel, " +
            figure(observation.figures, "transfer.bytes_kernel_to_user") + " from kernel to user).";
    if (!observation.trace.empty()) {
        text += "\nFirst calls of the transfer phase:";
        for (std::size_t i = 0; i < observation.trace.size() && i < kExplainedTraceLines; ++i) {
            text += "\n  " + observation.trace[i];
        }
    }
    return text;
}

std::vector<PageOption> pageOptionsFromMappings(const std::vector<MappingSnapshot>& mappings,
                                                const std::map<int, std::string>& names,
                                                std::vector<std::string>& correct) {
    std::vector<PageOption> options;
    correct.clear();
    for (const MappingSnapshot& mapping : mappings) {
        const std::string process = nameOf(names, mapping.pid);
        for (const PageInfo& page : mapping.pages) {
            // What /proc/PID/maps says of the page, not what it is: naming the object (or calling
            // the others private) would give the answer away. The same inode in two processes is
            // the evidence a student is meant to spot, with the frame when the kernel shows it.
            PageOption option{process + "@" + hexAddress(page.address), process, page.address, page.pfn,
                              "file-backed: inode " + std::to_string(mapping.inode)};
            correct.push_back(option.id);
            options.push_back(std::move(option));
        }
        for (const PageInfo& page : mapping.privatePages) {
            options.push_back({process + "@" + hexAddress(page.address), process, page.address, page.pfn,
                               "anonymous: no file behind it"});
        }
    }
    std::sort(options.begin(), options.end(), [](const PageOption& a, const PageOption& b) {
        return a.process != b.process ? a.process < b.process : a.address < b.address;
    });
    return options;
}

Question withLivePages(const Question& question, const RunObservation& observation) {
    if (!question.livePages) {
        return question;
    }
    Question filled = question;
    filled.pages = pageOptionsFromMappings(observation.mappings, observation.names, filled.correctPages);
    return filled;
}

} // namespace ipclab
