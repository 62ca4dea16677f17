#pragma once

#include "events/event.h"
#include "quiz/grader.h"
#include "quiz/question.h"
#include "scenario/scenario_catalog.h"
#include "session/session.h"
#include "session/summary.h"

#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// Every figure gradeObserved() can name, taken from a run's summary (see ObservedFigures).
ObservedFigures observedFigures(const Summary& summary);

/// What a real run of a question's scenario showed, ready to grade and to explain.
struct RunObservation {
    std::string scenarioId;
    ParamValues params;
    bool traced = false;
    std::string traceUnavailableReason; ///< why not, when !traced
    bool succeeded = false;
    std::string failure;                   ///< why not, when !succeeded
    ObservedFigures figures;               ///< empty when !traced: nothing is invented
    std::vector<std::string> trace;        ///< transfer-phase calls as "P1 write(fd 5, 8192 bytes) = 8192"
    std::vector<MappingSnapshot> mappings; ///< for live pick-page pictures
    std::map<int, std::string> names;      ///< pid -> process name ("P1")
};

/// Turns a finished run into a RunObservation (pure; used by runQuestionScenario and by tests
/// on recorded results). `maxTraceLines` caps `trace` (the rest is summarised by the figures).
RunObservation observeRun(const RunResult& result, std::size_t maxTraceLines = 24);

/// The scenario a question runs, with its parameters resolved: for callers that drive the Session
/// themselves (the GUI, to show the run live through its EventSink; the CLI, to stop it on
/// Ctrl-C), then hand the RunResult to observeRun(). Throws as runQuestionScenario does.
struct QuestionRun {
    Scenario scenario;
    ParamValues params;
};
QuestionRun prepareQuestionRun(const Question& question, const ScenarioCatalog& catalog);

/// Runs the question's scenario for real (traced; blocking, seconds at most for the shipped
/// quizzes) and observes it. Call from a worker thread in a GUI. Throws Error(BadUsage) when the
/// question has no run check or its scenario is not in `catalog`, Error(BadParameter) when the
/// generated parameters do not fit the scenario; every IPC object is removed on every path.
RunObservation runQuestionScenario(const Question& question, const ScenarioCatalog& catalog,
                                   const SessionOptions& options);

/// The explanation to show after a run-checked answer: the question's own explanation, then what
/// the kernel was seen doing ("In the transfer phase the kernel saw 12 crossings and 12 copies
/// moving 98304 bytes ...") and the first lines of the trace; or, when the run was not traced,
/// why no figure could be observed.
std::string observedExplanation(const Question& question, const RunObservation& observation);

/// A pick-page picture from a real run: for each process, the pages of the shared object it
/// mapped plus one private page of its own for contrast, each with its address and (when the
/// kernel tells) frame. `correct` receives the ids of the shared-object pages. Pure.
std::vector<PageOption> pageOptionsFromMappings(const std::vector<MappingSnapshot>& mappings,
                                                const std::map<int, std::string>& names,
                                                std::vector<std::string>& correct);

/// Returns `question` with its picture filled from `observation` (livePages questions), ready for
/// grade(); other questions are returned unchanged.
Question withLivePages(const Question& question, const RunObservation& observation);

} // namespace ipclab
