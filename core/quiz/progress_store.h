#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// The latest answer a student gave to one question of one quiz.
struct AnswerRecord {
    std::string quizId;
    std::string questionId;
    int section = 0;
    std::uint64_t seed = 0;
    std::string answer; ///< as typed / as the GUI renders it; for reflections, the reflection itself
    bool graded = true; ///< false for reflections
    bool correct = false;
    double earned = 0;
    int possible = 0;
    int attempts = 1;
    std::string when; ///< UTC, ISO 8601 ("2026-11-26T21:04:05Z")
};

/// A finished run through a quiz.
struct QuizScore {
    std::string quizId;
    std::uint64_t seed = 0;
    double earned = 0;
    int possible = 0;
    std::string when;
};

/// Per lesson section: how many graded questions were answered and how well, and reflections kept.
struct SectionProgress {
    int section = 0;
    int answered = 0;
    int correct = 0;
    double earned = 0;
    int possible = 0;
    int reflections = 0;
};

/// A student's progress, kept in one JSON file (see defaultPath()). Not thread-safe: one owner.
class ProgressStore {
public:
    /// Reads `file` if it exists (a missing file is an empty store). Throws Error(SystemError)
    /// naming the file when it exists but cannot be read or is not a progress document; the
    /// file is left untouched then.
    explicit ProgressStore(std::filesystem::path file);

    /// $IPCLAB_DATA_DIR/progress.json if set (tests), else $XDG_DATA_HOME/ipclab/progress.json,
    /// else ~/.local/share/ipclab/progress.json.
    static std::filesystem::path defaultPath();

    /// Keeps `record`, replacing an earlier answer to the same quiz and question.
    void record(AnswerRecord record);
    /// Keeps a finished quiz's score (all runs are kept, newest last).
    void recordScore(QuizScore score);

    /// Writes the file atomically (a temporary file in the same folder, fsync, rename), creating
    /// the folder. Throws Error(SystemError/PermissionDenied) naming the path on failure.
    void save() const;

    /// Forgets everything and deletes the file. `quizId` non-empty: forgets only that quiz.
    void reset(const std::string& quizId = {});

    const std::vector<AnswerRecord>& answers() const { return m_answers; }
    const std::vector<QuizScore>& scores() const { return m_scores; }
    /// The answer kept for one question, or null.
    const AnswerRecord* find(const std::string& quizId, const std::string& questionId) const;
    /// One entry per section that has any answer, in section order.
    std::vector<SectionProgress> bySection() const;
    const std::filesystem::path& path() const { return m_file; }

private:
    std::filesystem::path m_file;
    std::vector<AnswerRecord> m_answers;
    std::vector<QuizScore> m_scores;
};

/// The current time as "2026-11-26T21:04:05Z".
std::string utcTimestamp();

} // namespace ipclab
