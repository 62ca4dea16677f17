#include "gui/classroom/classroom_options.h"

#include "gui/classroom/classroom.h"
#include "gui/classroom/presenter_mode.h"
#include "gui/quiz/question_view.h"
#include "gui/quiz/quiz_panel.h"
#include "quiz/quiz_generator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <optional>

namespace ipclab {

namespace {
constexpr int kSettleMs = 900; ///< lets the feedback lay out before the grab
constexpr int kPollMs = 200;   ///< how often a screenshot looks whether a quiz run has ended
constexpr int kGiveUpMs = 120000;
} // namespace

ClassroomOptions::ClassroomOptions()
    : m_presenter(QStringLiteral("presenter"),
                  QStringLiteral("Start in presenter mode (full screen, large type, high contrast).")),
      m_quiz(QStringLiteral("quiz"), QStringLiteral("Open the Quizzes tab on quiz <id> (ipclab-cli quiz list)."),
             QStringLiteral("id")),
      m_answer(QStringLiteral("quiz-answer"),
               QStringLiteral("Answer the quiz's first question with <line>, as typed in ipclab-cli quiz run."),
               QStringLiteral("line")),
      m_seed(QStringLiteral("quiz-seed"), QStringLiteral("Draw the quiz's numbers from seed <n>."),
             QStringLiteral("n")) {}

void ClassroomOptions::addTo(QCommandLineParser& parser) const {
    parser.addOptions({m_presenter, m_quiz, m_answer, m_seed});
}

bool ClassroomOptions::showsQuiz(const QCommandLineParser& parser) const {
    return parser.isSet(m_quiz);
}

bool ClassroomOptions::apply(const QCommandLineParser& parser, Classroom& classroom) const {
    if (parser.isSet(m_answer) && !parser.isSet(m_quiz)) {
        std::fprintf(stderr, "ipclab: --quiz-answer needs --quiz ID\n");
        return false;
    }
    std::optional<std::uint64_t> seed;
    if (parser.isSet(m_seed)) {
        try {
            seed = parseSeed(parser.value(m_seed).toStdString());
        } catch (const std::exception& bad) {
            std::fprintf(stderr, "ipclab: --quiz-seed: %s\n", bad.what());
            return false;
        }
    }
    if (parser.isSet(m_quiz) && !classroom.openQuiz(parser.value(m_quiz), seed)) {
        std::fprintf(stderr, "ipclab: there is no quiz '%s' (ipclab-cli quiz list shows them)\n",
                     qPrintable(parser.value(m_quiz)));
        return false;
    }
    if (parser.isSet(m_presenter)) {
        classroom.presenter()->setActive(true);
    }
    return true;
}

void ClassroomOptions::scheduleQuizScreenshot(const QCommandLineParser& parser, Classroom& classroom,
                                              const std::function<void()>& save) const {
    QuestionView* view = classroom.quizPanel()->questionView();
    const QString line = parser.value(m_answer);
    // Timed on the classroom, which the window owns: they end with the window.
    QTimer::singleShot(kSettleMs, &classroom, [view, line, save, &classroom] {
        QString why;
        if (!line.isEmpty() && !view->submitLine(line, &why)) {
            std::fprintf(stderr, "ipclab: --quiz-answer does not fit the question: %s\n", qPrintable(why));
            QApplication::exit(2);
            return;
        }
        auto* poll = new QTimer(&classroom);
        QObject::connect(poll, &QTimer::timeout, &classroom, [view, poll, save, &classroom] {
            if (!view->busy()) {
                poll->stop();
                QTimer::singleShot(kSettleMs, &classroom, save);
            }
        });
        poll->start(kPollMs);
    });
    QTimer::singleShot(kGiveUpMs, &classroom, [] {
        std::fprintf(stderr, "ipclab: the quiz's run did not finish in time\n");
        QApplication::exit(1);
    });
}

} // namespace ipclab
