// Progress: kept across a reload, summed per section, reset, written atomically.
#include "common/error.h"
#include "quiz/progress_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ipclab {
namespace {

namespace fs = std::filesystem;

/// A fresh data folder, removed afterwards.
class QuizProgress : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::path(::testing::TempDir()) / ("ipclab-progress-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    fs::path file() const { return m_dir / "ipclab" / "progress.json"; }

    static AnswerRecord answer(const std::string& quiz, const std::string& question, int section, bool correct,
                               double earned, int possible) {
        AnswerRecord record;
        record.quizId = quiz;
        record.questionId = question;
        record.section = section;
        record.seed = 42;
        record.answer = correct ? "right answer" : "wrong answer";
        record.correct = correct;
        record.earned = earned;
        record.possible = possible;
        record.when = utcTimestamp();
        return record;
    }

    fs::path m_dir;
};

TEST_F(QuizProgress, MissingFileIsAnEmptyStore) {
    const ProgressStore store(file());
    EXPECT_TRUE(store.answers().empty());
    EXPECT_TRUE(store.bySection().empty());
}

TEST_F(QuizProgress, PersistsAcrossAReload) {
    {
        ProgressStore store(file());
        store.record(answer("message-queue-calls", "four-calls", 16, false, 3, 4));
        store.record(answer("ipc-comparison", "which-performs-better", 7, true, 2, 2));
        AnswerRecord reflection = answer("lesson-review", "what-i-learned", 23, false, 0, 0);
        reflection.graded = false;
        reflection.answer = "Pipes copy twice per message; shared memory maps once.";
        store.record(reflection);
        store.recordScore({"ipc-comparison", 42, 2, 3, utcTimestamp()});
        store.save();
    }
    const ProgressStore reloaded(file());
    ASSERT_EQ(reloaded.answers().size(), 3u);
    const AnswerRecord* mq = reloaded.find("message-queue-calls", "four-calls");
    ASSERT_NE(mq, nullptr);
    EXPECT_DOUBLE_EQ(mq->earned, 3);
    EXPECT_EQ(mq->seed, 42u);
    const AnswerRecord* kept = reloaded.find("lesson-review", "what-i-learned");
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->answer, "Pipes copy twice per message; shared memory maps once.");
    EXPECT_FALSE(kept->graded);
    ASSERT_EQ(reloaded.scores().size(), 1u);
    EXPECT_EQ(reloaded.scores()[0].possible, 3);
}

TEST_F(QuizProgress, ALaterAnswerReplacesTheEarlierOne) {
    ProgressStore store(file());
    store.record(answer("q", "a", 4, false, 0, 1));
    store.record(answer("q", "a", 4, true, 1, 1));
    ASSERT_EQ(store.answers().size(), 1u);
    EXPECT_TRUE(store.answers()[0].correct);
}

TEST_F(QuizProgress, SummedPerSection) {
    ProgressStore store(file());
    store.record(answer("a", "1", 4, true, 2, 2));
    store.record(answer("a", "2", 4, false, 0.5, 2));
    store.record(answer("b", "1", 16, true, 4, 4));
    AnswerRecord reflection = answer("c", "1", 23, false, 0, 0);
    reflection.graded = false;
    store.record(reflection);
    const auto sections = store.bySection();
    ASSERT_EQ(sections.size(), 3u);
    EXPECT_EQ(sections[0].section, 4);
    EXPECT_EQ(sections[0].answered, 2);
    EXPECT_EQ(sections[0].correct, 1);
    EXPECT_DOUBLE_EQ(sections[0].earned, 2.5);
    EXPECT_EQ(sections[0].possible, 4);
    EXPECT_EQ(sections[1].section, 16);
    EXPECT_EQ(sections[2].section, 23);
    EXPECT_EQ(sections[2].answered, 0);
    EXPECT_EQ(sections[2].reflections, 1);
}

TEST_F(QuizProgress, ResetOneQuizOrEverything) {
    ProgressStore store(file());
    store.record(answer("a", "1", 4, true, 1, 1));
    store.record(answer("b", "1", 5, true, 1, 1));
    store.save();
    store.reset("a");
    EXPECT_EQ(ProgressStore(file()).answers().size(), 1u) << "resetting one quiz is saved at once";
    store.reset();
    EXPECT_TRUE(store.answers().empty());
    EXPECT_FALSE(fs::exists(file()));
    EXPECT_TRUE(ProgressStore(file()).answers().empty());
}

TEST_F(QuizProgress, SaveLeavesNoTemporaryFileAndIsPrivate) {
    ProgressStore store(file());
    store.record(answer("a", "1", 4, true, 1, 1));
    store.save();
    store.save();
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(file().parent_path())) {
        EXPECT_EQ(entry.path().filename(), "progress.json") << "left behind: " << entry.path();
        ++entries;
    }
    EXPECT_EQ(entries, 1u);
    const auto permissions = fs::status(file()).permissions();
    EXPECT_EQ(permissions & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
}

TEST_F(QuizProgress, CorruptFileIsReportedAndLeftUntouched) {
    fs::create_directories(file().parent_path());
    std::ofstream(file()) << "{ not json";
    try {
        ProgressStore store(file());
        ADD_FAILURE() << "a corrupt progress file was read as valid";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find(file().string()), std::string::npos) << error.what();
    }
    std::ifstream in(file());
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "{ not json");
}

TEST_F(QuizProgress, DefaultPathFollowsTheEnvironment) {
    const char* saved = std::getenv("IPCLAB_DATA_DIR");
    const std::string savedValue = saved != nullptr ? saved : "";
    const char* savedXdg = std::getenv("XDG_DATA_HOME");
    const std::string savedXdgValue = savedXdg != nullptr ? savedXdg : "";

    ::setenv("IPCLAB_DATA_DIR", "/tmp/ipclab-test-data", 1);
    EXPECT_EQ(ProgressStore::defaultPath(), fs::path("/tmp/ipclab-test-data/progress.json"));
    ::unsetenv("IPCLAB_DATA_DIR");
    ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
    EXPECT_EQ(ProgressStore::defaultPath(), fs::path("/tmp/xdg/ipclab/progress.json"));
    ::setenv("XDG_DATA_HOME", "relative/path", 1);
    EXPECT_EQ(ProgressStore::defaultPath().filename(), "progress.json");
    EXPECT_NE(ProgressStore::defaultPath().string().find(".local/share/ipclab"), std::string::npos)
        << "a relative XDG_DATA_HOME is ignored, as the spec says";

    saved != nullptr ? ::setenv("IPCLAB_DATA_DIR", savedValue.c_str(), 1) : ::unsetenv("IPCLAB_DATA_DIR");
    savedXdg != nullptr ? ::setenv("XDG_DATA_HOME", savedXdgValue.c_str(), 1) : ::unsetenv("XDG_DATA_HOME");
}

} // namespace
} // namespace ipclab
