// Predict, then run: grading against what a run observed, on a recorded run and on a real one.
#include "../common/sanitizer.h"
#include "common/error.h"
#include "quiz/quiz_generator.h"
#include "quiz/quiz_loader.h"
#include "quiz/run_check.h"
#include "scenario/scenario_catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace ipclab {
namespace {

constexpr int kClient = 1001;
constexpr int kServer = 1002;

SyscallRecord call(int pid, const char* name, Phase phase, CopyDirection direction, std::uint64_t bytes) {
    SyscallRecord record;
    record.pid = pid;
    record.name = name;
    record.fd = 4;
    record.requested = bytes;
    record.result = static_cast<std::int64_t>(bytes);
    record.finished = true;
    record.phase = phase;
    record.direction = direction;
    record.copied = bytes;
    return record;
}

/// A recorded pipe request/response run of 3 round trips of 1 KiB in which the server needed two
/// reads for the second request (the kernel handed it over in two pieces): 13 crossings and 13
/// copies in the transfer phase, still 12288 bytes. Plus the setup calls, which must not count.
RunResult recordedRun() {
    RunResult run;
    run.scenarioId = "pipe-request-response";
    run.params = {{"round_trips", 3}, {"size", 1024}};
    run.traced = true;
    run.succeeded = true;
    run.processes = {{kClient, "P1", "client", 0, 0, false, true, ""},
                     {kServer, "P2", "server", 0, 0, false, true, ""}};
    run.syscalls.push_back(call(kClient, "close", Phase::Setup, CopyDirection::None, 0));
    for (int round = 0; round < 3; ++round) {
        run.syscalls.push_back(call(kClient, "write", Phase::Transfer, CopyDirection::UserToKernel, 1024));
        if (round == 1) {
            run.syscalls.push_back(call(kServer, "read", Phase::Transfer, CopyDirection::KernelToUser, 512));
            run.syscalls.push_back(call(kServer, "read", Phase::Transfer, CopyDirection::KernelToUser, 512));
        } else {
            run.syscalls.push_back(call(kServer, "read", Phase::Transfer, CopyDirection::KernelToUser, 1024));
        }
        run.syscalls.push_back(call(kServer, "write", Phase::Transfer, CopyDirection::UserToKernel, 1024));
        run.syscalls.push_back(call(kClient, "read", Phase::Transfer, CopyDirection::KernelToUser, 1024));
    }
    for (const SyscallRecord& record : run.syscalls) {
        run.summary.add(record);
    }
    return run;
}

/// The predict-then-run pipe question drawn with the recorded run's numbers (3 x 1 KiB).
Question pipeQuestion() {
    Question q;
    q.id = "pipe-round-trips";
    q.kind = QuestionKind::Numeric;
    q.section = 4;
    q.points = 3;
    q.explanation = "§4: 4 crossings and 4 copies per round trip.";
    for (const auto& [label, value, figure] :
         {std::tuple{"crossings", 12.0, "transfer.crossings"}, std::tuple{"copies", 12.0, "transfer.copies"},
          std::tuple{"bytes", 12288.0, "transfer.bytes"}}) {
        Blank blank;
        blank.label = label;
        blank.unit = label;
        blank.value = value;
        blank.observed = figure;
        q.blanks.push_back(blank);
    }
    q.run = RunCheck{"pipe-request-response", {{"round_trips", "3"}, {"size", "1024"}}};
    return q;
}

TEST(QuizRunCheck, FiguresComeFromTheSummaryByPhase) {
    const ObservedFigures figures = observedFigures(recordedRun().summary);
    EXPECT_EQ(figures.at("transfer.crossings"), 13);
    EXPECT_EQ(figures.at("transfer.copies"), 13);
    EXPECT_EQ(figures.at("transfer.bytes"), 12288);
    EXPECT_EQ(figures.at("transfer.bytes_user_to_kernel"), 6144);
    EXPECT_EQ(figures.at("transfer.bytes_kernel_to_user"), 6144);
    EXPECT_EQ(figures.at("setup.crossings"), 1);
    EXPECT_EQ(figures.at("setup.copies"), 0);
    EXPECT_EQ(figures.at("total.crossings"), 14);
    EXPECT_EQ(figures.at("startup.crossings"), 0);
}

TEST(QuizRunCheck, GradedAgainstWhatWasObservedNotThePrediction) {
    const Question q = pipeQuestion();
    const RunObservation observation = observeRun(recordedRun());
    const Grade predicted = gradeObserved(q, Answer{{"12", "12", "12288"}}, observation.figures);
    EXPECT_TRUE(predicted.graded);
    EXPECT_FALSE(predicted.correct) << "the kernel was seen making 13 crossings, not 12";
    EXPECT_EQ(predicted.partsCorrect, (std::vector<bool>{false, false, true}));
    EXPECT_DOUBLE_EQ(predicted.earned, 1);
    const Grade observed = gradeObserved(q, Answer{{"13", "13", "12 KiB"}}, observation.figures);
    EXPECT_TRUE(observed.correct) << observed.feedback;
    EXPECT_DOUBLE_EQ(observed.earned, 3);
    EXPECT_EQ(keyText(withObservedKey(q, observation.figures)), "13 crossings; 13 copies; 12288 bytes");
}

TEST(QuizRunCheck, UntracedRunIsNotGradedAndNothingIsInvented) {
    RunResult run = recordedRun();
    run.traced = false;
    run.traceUnavailableReason = "ptrace is not permitted here";
    const RunObservation observation = observeRun(run);
    EXPECT_TRUE(observation.figures.empty());
    EXPECT_TRUE(observation.trace.empty());
    const Grade g = gradeObserved(pipeQuestion(), Answer{{"12", "12", "12288"}}, observation.figures);
    EXPECT_FALSE(g.graded);
    EXPECT_NE(g.feedback.find("transfer.crossings"), std::string::npos) << g.feedback;
    const std::string text = observedExplanation(pipeQuestion(), observation);
    EXPECT_NE(text.find("ptrace is not permitted here"), std::string::npos) << text;
    EXPECT_EQ(text.find("13 crossings"), std::string::npos) << text;
}

TEST(QuizRunCheck, ExplanationQuotesTheKernelsWork) {
    const RunObservation observation = observeRun(recordedRun());
    ASSERT_EQ(observation.trace.size(), 13u);
    EXPECT_EQ(observation.trace.front().rfind("P1 write(", 0), 0u) << observation.trace.front();
    const std::string text = observedExplanation(pipeQuestion(), observation);
    EXPECT_NE(text.find("§4"), std::string::npos);
    EXPECT_NE(text.find("13 crossings and 13 copies, moving 12288 bytes"), std::string::npos) << text;
    EXPECT_NE(text.find("P2 read("), std::string::npos) << text;
}

TEST(QuizRunCheck, PagePictureFromMappings) {
    MappingSnapshot p1;
    p1.pid = kClient;
    p1.object = "/ipclab-1-shm";
    p1.pages = {{0x7f0000000000, true, false, false, true, false, 0x3a2f1, std::nullopt},
                {0x7f0000001000, true, false, false, true, false, 0x1b7c0, std::nullopt}};
    p1.privatePages = {{0x550000001000, true, false, true, false, false, 0x2c9e4, std::nullopt}};
    MappingSnapshot p2 = p1;
    p2.pid = kServer;
    p2.pages[0].address = 0x7f8000000000;
    p2.pages[1].address = 0x7f8000001000;
    p2.privatePages = {{0x560000001000, true, false, true, false, false, std::nullopt, std::nullopt}};
    std::vector<std::string> correct;
    const auto pages = pageOptionsFromMappings({p1, p2}, {{kClient, "P1"}, {kServer, "P2"}}, correct);
    ASSERT_EQ(pages.size(), 6u);
    EXPECT_EQ(correct.size(), 4u);
    EXPECT_EQ(pages[0].id, "P1@0x550000001000") << "private pages come first: lower addresses";
    EXPECT_EQ(pages[3].id, "P2@0x560000001000");
    EXPECT_FALSE(pages[3].frame.has_value());
    for (const PageOption& page : pages) {
        EXPECT_EQ(page.region.find("ipclab"), std::string::npos) << "the object's name gives the answer away";
        EXPECT_EQ(page.region.find("private"), std::string::npos) << page.region;
    }

    Question q;
    q.kind = QuestionKind::PickPage;
    q.livePages = true;
    RunObservation observation;
    observation.mappings = {p1, p2};
    observation.names = {{kClient, "P1"}, {kServer, "P2"}};
    const Question filled = withLivePages(q, observation);
    EXPECT_TRUE(grade(filled, Answer{{"P2@0x7f8000001000"}}).correct);
    EXPECT_FALSE(grade(filled, Answer{{"P1@0x550000001000"}}).correct);
}

TEST(QuizRunCheck, RealPipeRunGradesThePrediction) {
    IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED();
    const Quiz quiz = loadQuizFile(std::string(IPCLAB_TEST_SCENARIO_DIR) + "/quizzes/predict-then-run.toml");
    const GeneratedQuiz generated = generateQuiz(quiz, 7);
    const Question& question = generated.questions.front();
    ASSERT_EQ(question.id, "pipe-round-trips");
    ScenarioCatalog scenarios;
    scenarios.addDirectory(IPCLAB_TEST_SCENARIO_DIR);

    SessionOptions options;
    options.workerPath = IPCLAB_TEST_WORKER;
    const RunObservation observation = runQuestionScenario(question, scenarios, options);
    if (!observation.traced) {
        GTEST_SKIP() << "ptrace unavailable here: " << observation.traceUnavailableReason;
    }
    ASSERT_TRUE(observation.succeeded) << observation.failure;
    EXPECT_EQ(observation.params.at("round_trips"), std::stoll(question.run->params.at("round_trips")));
    // The lesson's prediction (4R, 4R, 4RS) is what this kernel was seen doing.
    EXPECT_EQ(observation.figures.at("transfer.crossings"), question.blanks[0].value);
    EXPECT_EQ(observation.figures.at("transfer.copies"), question.blanks[1].value);
    EXPECT_EQ(observation.figures.at("transfer.bytes"), question.blanks[2].value);
    Answer answer;
    for (const Blank& blank : question.blanks) {
        answer.parts.push_back(std::to_string(static_cast<long long>(blank.value)));
    }
    const Grade g = gradeObserved(question, answer, observation.figures);
    EXPECT_TRUE(g.correct) << g.feedback;
    EXPECT_FALSE(gradeObserved(question, Answer{{"1", "1", "1"}}, observation.figures).correct);
    EXPECT_FALSE(observation.trace.empty());
    const std::string text = observedExplanation(question, observation);
    EXPECT_NE(text.find(std::to_string(static_cast<long long>(question.blanks[0].value)) + " crossings"),
              std::string::npos)
        << text;
}

TEST(QuizRunCheck, RealSharedMemoryRunGivesAGradablePicture) {
    const Quiz quiz = loadQuizFile(std::string(IPCLAB_TEST_SCENARIO_DIR) + "/quizzes/predict-then-run.toml");
    const GeneratedQuiz generated = generateQuiz(quiz, 1);
    const auto live = std::find_if(generated.questions.begin(), generated.questions.end(),
                                   [](const Question& q) { return q.livePages; });
    ASSERT_NE(live, generated.questions.end());
    ScenarioCatalog scenarios;
    scenarios.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    SessionOptions options;
    options.workerPath = IPCLAB_TEST_WORKER;
    const RunObservation observation = runQuestionScenario(*live, scenarios, options);
    ASSERT_TRUE(observation.succeeded) << observation.failure;
    if (observation.mappings.empty()) {
        GTEST_SKIP() << "no mapping snapshot was taken here (traced: " << observation.traced << ")";
    }
    const Question filled = withLivePages(*live, observation);
    ASSERT_FALSE(filled.correctPages.empty());
    ASSERT_GT(filled.pages.size(), filled.correctPages.size()) << "private pages are there for contrast";
    std::set<std::string> processes;
    for (const PageOption& page : filled.pages) {
        processes.insert(page.process);
        const bool right =
            std::find(filled.correctPages.begin(), filled.correctPages.end(), page.id) != filled.correctPages.end();
        EXPECT_EQ(grade(filled, Answer{{page.id}}).correct, right) << page.id << " " << page.region;
    }
    EXPECT_EQ(processes, (std::set<std::string>{"P1", "P2"}));
    // Where the kernel shows frames, every right page of P2 shares its frame with one of P1.
    std::set<std::uint64_t> p1Frames;
    for (const PageOption& page : filled.pages) {
        const bool right =
            std::find(filled.correctPages.begin(), filled.correctPages.end(), page.id) != filled.correctPages.end();
        if (right && page.process == "P1" && page.frame) {
            p1Frames.insert(*page.frame);
        }
    }
    for (const PageOption& page : filled.pages) {
        const bool right =
            std::find(filled.correctPages.begin(), filled.correctPages.end(), page.id) != filled.correctPages.end();
        if (right && page.process == "P2" && page.frame && !p1Frames.empty()) {
            EXPECT_TRUE(p1Frames.count(*page.frame)) << page.id;
        }
    }
}

TEST(QuizRunCheck, UnknownScenarioIsBadUsage) {
    Question q = pipeQuestion();
    q.run->scenarioId = "no-such-scenario";
    ScenarioCatalog scenarios;
    scenarios.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    try {
        runQuestionScenario(q, scenarios, SessionOptions{});
        ADD_FAILURE() << "ran an unknown scenario";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadUsage);
        EXPECT_NE(std::string(error.what()).find("no-such-scenario"), std::string::npos);
    }
}

} // namespace
} // namespace ipclab
