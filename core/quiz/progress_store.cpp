#include "quiz/progress_store.h"

#include "common/atomic_file.h"

#include "common/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace ipclab {

namespace {

constexpr int kFormatVersion = 1;

nlohmann::json toJson(const AnswerRecord& r) {
    return {{"quiz", r.quizId},       {"question", r.questionId}, {"section", r.section}, {"seed", r.seed},
            {"answer", r.answer},     {"graded", r.graded},       {"correct", r.correct}, {"earned", r.earned},
            {"possible", r.possible}, {"attempts", r.attempts},   {"when", r.when}};
}

AnswerRecord answerFrom(const nlohmann::json& j) {
    AnswerRecord r;
    r.quizId = j.at("quiz").get<std::string>();
    r.questionId = j.at("question").get<std::string>();
    r.section = j.at("section").get<int>();
    r.seed = j.at("seed").get<std::uint64_t>();
    r.answer = j.at("answer").get<std::string>();
    r.graded = j.at("graded").get<bool>();
    r.correct = j.at("correct").get<bool>();
    r.earned = j.at("earned").get<double>();
    r.possible = j.at("possible").get<int>();
    r.attempts = j.at("attempts").get<int>();
    r.when = j.at("when").get<std::string>();
    return r;
}

nlohmann::json toJson(const QuizScore& s) {
    return {{"quiz", s.quizId}, {"seed", s.seed}, {"earned", s.earned}, {"possible", s.possible}, {"when", s.when}};
}

QuizScore scoreFrom(const nlohmann::json& j) {
    return {j.at("quiz").get<std::string>(), j.at("seed").get<std::uint64_t>(), j.at("earned").get<double>(),
            j.at("possible").get<int>(), j.at("when").get<std::string>()};
}

} // namespace

ProgressStore::ProgressStore(std::filesystem::path file) : m_file(std::move(file)) {
    std::error_code ec;
    if (!std::filesystem::exists(m_file, ec) && !ec) {
        return; // nothing answered yet
    }
    std::ifstream in(m_file, std::ios::binary);
    if (!in) {
        throwSystemError("cannot read the progress file " + m_file.string(), errno != 0 ? errno : EIO);
    }
    std::ostringstream content;
    content << in.rdbuf();
    try {
        const nlohmann::json document = nlohmann::json::parse(content.str());
        if (document.at("version").get<int>() != kFormatVersion) {
            throw Error(ErrorKind::SystemError, m_file.string() + ": progress file of an unknown version " +
                                                    document.at("version").dump() + " (expected 1); left untouched");
        }
        for (const nlohmann::json& answer : document.at("answers")) {
            m_answers.push_back(answerFrom(answer));
        }
        for (const nlohmann::json& score : document.at("scores")) {
            m_scores.push_back(scoreFrom(score));
        }
    } catch (const nlohmann::json::exception& error) {
        throw Error(ErrorKind::SystemError, m_file.string() + ": not a progress file (" + error.what() +
                                                "); it was left untouched: move it away to start afresh");
    }
}

std::filesystem::path ProgressStore::defaultPath() {
    const auto fromEnv = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value != nullptr ? value : "";
    };
    if (const std::string dir = fromEnv("IPCLAB_DATA_DIR"); !dir.empty()) {
        return std::filesystem::path(dir) / "progress.json";
    }
    // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const std::string dir = fromEnv("XDG_DATA_HOME"); !dir.empty() && dir.front() == '/') {
        return std::filesystem::path(dir) / "ipclab" / "progress.json";
    }
    return std::filesystem::path(fromEnv("HOME")) / ".local" / "share" / "ipclab" / "progress.json";
}

void ProgressStore::record(AnswerRecord record) {
    const auto it = std::find_if(m_answers.begin(), m_answers.end(), [&](const AnswerRecord& kept) {
        return kept.quizId == record.quizId && kept.questionId == record.questionId;
    });
    if (it != m_answers.end()) {
        *it = std::move(record);
    } else {
        m_answers.push_back(std::move(record));
    }
}

void ProgressStore::recordScore(QuizScore score) {
    m_scores.push_back(std::move(score));
}

void ProgressStore::save() const {
    nlohmann::json answers = nlohmann::json::array();
    for (const AnswerRecord& answer : m_answers) {
        answers.push_back(toJson(answer));
    }
    nlohmann::json scores = nlohmann::json::array();
    for (const QuizScore& score : m_scores) {
        scores.push_back(toJson(score));
    }
    const nlohmann::json document = {{"version", kFormatVersion}, {"answers", answers}, {"scores", scores}};
    const std::string text = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

    std::error_code ec;
    std::filesystem::create_directories(m_file.parent_path(), ec);
    if (ec) {
        throwSystemError("cannot create the folder " + m_file.parent_path().string(), ec.value());
    }
    // A crash leaves the old file or the new one; answers are the student's own: 0600.
    AtomicFile file(m_file, "the progress file", 0600);
    file.commit(text);
}

void ProgressStore::reset(const std::string& quizId) {
    if (quizId.empty()) {
        m_answers.clear();
        m_scores.clear();
        std::error_code ec;
        std::filesystem::remove(m_file, ec);
        if (ec) {
            throwSystemError("cannot remove the progress file " + m_file.string(), ec.value());
        }
        return;
    }
    std::erase_if(m_answers, [&](const AnswerRecord& r) { return r.quizId == quizId; });
    std::erase_if(m_scores, [&](const QuizScore& s) { return s.quizId == quizId; });
    save();
}

const AnswerRecord* ProgressStore::find(const std::string& quizId, const std::string& questionId) const {
    const auto it = std::find_if(m_answers.begin(), m_answers.end(), [&](const AnswerRecord& r) {
        return r.quizId == quizId && r.questionId == questionId;
    });
    return it == m_answers.end() ? nullptr : &*it;
}

std::vector<SectionProgress> ProgressStore::bySection() const {
    std::map<int, SectionProgress> sections;
    for (const AnswerRecord& answer : m_answers) {
        SectionProgress& entry = sections[answer.section];
        entry.section = answer.section;
        if (!answer.graded) {
            ++entry.reflections;
            continue;
        }
        ++entry.answered;
        entry.correct += answer.correct ? 1 : 0;
        entry.earned += answer.earned;
        entry.possible += answer.possible;
    }
    std::vector<SectionProgress> result;
    for (const auto& [section, entry] : sections) {
        result.push_back(entry);
    }
    return result;
}

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    ::gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

} // namespace ipclab
