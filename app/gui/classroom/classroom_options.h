#pragma once

#include <QCommandLineOption>
#include <QString>
#include <functional>

class QCommandLineParser;

namespace ipclab {

class Classroom;

/// The app's classroom command-line options, kept out of main.cpp: --presenter (start in
/// presenter mode), --quiz ID (open the Quizzes tab on quiz ID) and --quiz-answer LINE (answer
/// its first question as a terminal student would, e.g. "c" or "msgsnd, msgrcv, msgctl, msgget"),
/// --quiz-seed N (draw its numbers from seed N, as ipclab-cli quiz run ID --seed N).
class ClassroomOptions {
public:
    ClassroomOptions();

    void addTo(QCommandLineParser& parser) const;
    /// After the window is built and before it is shown; false after saying why on stderr.
    bool apply(const QCommandLineParser& parser, Classroom& classroom) const;
    /// True when --quiz was given: the screenshot shows the quiz and runs no scenario.
    bool showsQuiz(const QCommandLineParser& parser) const;
    /// Answers (with --quiz-answer), waits for the grade (and the run of a predict-then-run
    /// question), then calls `save`. Call after the window is shown.
    void scheduleQuizScreenshot(const QCommandLineParser& parser, Classroom& classroom,
                                const std::function<void()>& save) const;

private:
    QCommandLineOption m_presenter;
    QCommandLineOption m_quiz;
    QCommandLineOption m_answer;
    QCommandLineOption m_seed;
};

} // namespace ipclab
