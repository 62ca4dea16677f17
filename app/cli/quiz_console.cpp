#include "quiz_console.h"

#include "common/error.h"
#include "question_text.h"
#include "quiz/run_check.h"
#include "stop_signals.h"

#include <cctype>
#include <optional>

namespace ipclab::cli {

namespace {

/// "right (checked ...)" -> "Right (checked ...)."
std::string sentence(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        text += text.back() == '.' ? "" : ".";
    }
    return text;
}

/// True when `observation` holds figures a run-checked question can be graded on.
bool observedRun(const Question& question, const std::optional<RunObservation>& observation) {
    return question.runChecked() && observation && observation->traced && observation->succeeded;
}

/// Where to look next: the benchmark, a scenario to run, or a lesson page to read.
std::string seeAlso(const std::string& showMe, const ScenarioCatalog& catalog) {
    if (showMe == "bench") {
        return "See it happen: ipclab-cli bench";
    }
    if (catalog.findPage(showMe) != nullptr) {
        return "Read more: the lesson page '" + showMe + "' (ipclab-cli list shows the pages)";
    }
    return "See it happen: ipclab-cli run " + showMe;
}

bool isHintRequest(const std::string& line) {
    return line == "?" || line == "hint" || line == "h";
}

/// Runs the question's scenario, telling the user what is happening (it takes a moment). Ctrl-C
/// stops the children and removes their IPC objects before the quiz ends.
RunObservation runFor(const Question& question, const ScenarioCatalog& catalog, std::ostream& out) {
    out << "Running " << question.run->scenarioId << " with real processes ..." << std::endl;
    QuestionRun run = prepareQuestionRun(question, catalog);
    Session session(std::move(run.scenario), std::move(run.params), SessionOptions{defaultWorkerPath(), true, nullptr});
    RunResult result;
    int stopSignal = 0;
    {
        StopSignals stopSignals([&session] { session.requestStop(); });
        result = session.run(nullptr);
        stopSignal = stopSignals.receivedSignal();
    }
    if (stopSignal != 0 || result.stopped) {
        throw Error(ErrorKind::ScenarioFailed, "the run of " + question.run->scenarioId +
                                                   " was stopped; its workers were ended and their IPC objects "
                                                   "removed; the answers so far are saved");
    }
    return observeRun(result);
}

} // namespace

QuizConsole::QuizConsole(std::istream& in, std::ostream& out, bool interactive, ProgressStore& progress,
                         std::function<const ScenarioCatalog&()> scenarios)
    : m_in(in), m_out(out), m_interactive(interactive), m_progress(progress), m_scenarios(std::move(scenarios)) {}

bool QuizConsole::readLine(std::string& line) {
    if (m_interactive) {
        m_out << "> " << std::flush;
    }
    if (!std::getline(m_in, line)) {
        m_inputEnded = true;
        return false;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    if (!m_interactive) {
        m_out << "> " << line << "\n"; // a transcript that reads like the terminal session
    }
    return true;
}

void QuizConsole::keep(const QuizAttempt& attempt, const Question& question, const std::string& typed,
                       const QuizAttempt::Outcome& outcome) {
    AnswerRecord record;
    record.quizId = attempt.quiz().quizId;
    record.questionId = question.id;
    record.section = question.section;
    record.seed = attempt.quiz().seed;
    record.answer = typed;
    record.graded = outcome.grade.graded;
    record.correct = outcome.grade.correct;
    record.earned = outcome.grade.earned;
    record.possible = outcome.grade.possible;
    record.attempts = attempt.tries();
    record.when = utcTimestamp();
    m_progress.record(std::move(record));
    m_progress.save();
}

std::optional<QuizAttempt::Outcome> QuizConsole::submitLine(QuizAttempt& attempt, const std::string& line,
                                                            std::optional<RunObservation>& observation) {
    const Question& question = attempt.current();
    if (line == "skip") {
        return attempt.skip();
    }
    std::string why;
    std::optional<Answer> answer = parseAnswerLine(question, line, &why);
    if (!answer && m_interactive) {
        m_out << why << "\n";
        return std::nullopt; // ask again; not a try
    }
    if (!answer) {
        m_out << "(" << why << ": counted as a wrong try)\n";
        answer = Answer{{line}};
    }
    if (question.runChecked() && !observation) {
        // The answer is locked in: now the real scenario runs (once, also for the retry).
        observation = runFor(question, m_scenarios(), m_out);
    }
    const bool observed = observedRun(question, observation);
    if (question.runChecked() && !observed) {
        m_out << "(Nothing was observed in the run, so your answer is checked against the lesson's "
                 "figures instead; the explanation says why.)\n";
    }
    return attempt.submit(*answer, observed ? &observation->figures : nullptr);
}

void QuizConsole::reveal(const Question& question, const std::optional<RunObservation>& observation) {
    const bool observed = observedRun(question, observation);
    if (question.graded()) {
        m_out << "Answer: " << typedKey(observed ? withObservedKey(question, observation->figures) : question) << "\n";
    }
    m_out << (observation && question.runChecked() ? observedExplanation(question, *observation) : question.explanation)
          << "\n";
    if (!question.showMe.empty()) {
        m_out << seeAlso(question.showMe, m_scenarios()) << "\n";
    }
}

void QuizConsole::askCurrent(QuizAttempt& attempt) {
    std::optional<RunObservation> observation;
    if (attempt.current().livePages) {
        // The picture comes from a real run, so this one runs before the question is asked.
        observation = runFor(attempt.current(), m_scenarios(), m_out);
        attempt.replaceCurrent(withLivePages(attempt.current(), *observation));
    }
    const Question& question = attempt.current();
    printQuestion(m_out, question, attempt.index() + 1, attempt.quiz().questions.size());
    std::string line;
    while (readLine(line)) {
        if (isHintRequest(line)) {
            const auto hint = attempt.nextHint();
            m_out << (hint ? "Hint: " + *hint : std::string("No more hints for this question.")) << "\n";
            continue;
        }
        const std::optional<QuizAttempt::Outcome> outcome = submitLine(attempt, line, observation);
        if (!outcome) {
            continue;
        }
        m_out << sentence(outcome->grade.feedback) << "\n";
        if (outcome->retryAllowed) {
            m_out << "Try once more" << (question.hints.empty() ? "." : " (? for a hint).") << "\n";
            continue;
        }
        reveal(question, observation);
        keep(attempt, question, line, *outcome);
        return;
    }
}

void QuizConsole::take(QuizAttempt& attempt) {
    m_out << attempt.quiz().title << " (quiz " << attempt.quiz().quizId << ", seed " << attempt.quiz().seed << ")\n";
    while (!attempt.finished()) {
        askCurrent(attempt);
        if (m_inputEnded) {
            m_out << "\nThe input ended at question " << (attempt.index() + 1) << "; the rest is left unanswered.\n";
            break;
        }
        attempt.advance();
    }
    m_out << "\nScore: " << attempt.earned() << " / " << attempt.possible() << " (" << attempt.grades().size() << " of "
          << attempt.quiz().questions.size() << " questions answered)\n";
    m_progress.recordScore(
        {attempt.quiz().quizId, attempt.quiz().seed, attempt.earned(), attempt.possible(), utcTimestamp()});
    m_progress.save();
    m_out << "Progress saved in " << m_progress.path().string() << "\n";
}

} // namespace ipclab::cli
