#include "gui/quiz/question_view.h"

#include "gui/common/text_format.h"
#include "gui/quiz/question_input.h"
#include "gui/quiz/quiz_run_job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab {

namespace {

QString paragraphs(const std::string& text) {
    return fromStd(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString pointsText(int points) {
    return points == 1 ? QObject::tr("1 point") : QObject::tr("%1 points").arg(points);
}

} // namespace

QuestionView::QuestionView(ProgressStore& progress, QuizRunJob& job, QWidget* parent)
    : QWidget(parent), m_progress(progress), m_job(job) {
    setupUi();
    connect(&m_job, &QuizRunJob::finished, this, &QuestionView::onObserved);
    connect(&m_job, &QuizRunJob::failed, this, &QuestionView::onRunFailed);
    connect(&m_job, &QuizRunJob::progressed, this,
            [this](int calls) { m_busyLabel->setText(tr("Running for real: %1 system calls observed…").arg(calls)); });
    refreshButtons();
}

QuestionView::~QuestionView() = default;

void QuestionView::setupUi() {
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(tr("Choose a quiz on the left."), this);
    m_header->setObjectName(QStringLiteral("quizHeader"));
    m_prompt = new QLabel(this);
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    QFont promptFont = m_prompt->font();
    promptFont.setPointSizeF(promptFont.pointSizeF() * 1.2);
    promptFont.setBold(true);
    m_prompt->setFont(promptFont);
    m_inputSlot = new QVBoxLayout;
    m_hints = new QLabel(this);
    m_hints->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_hint = new QPushButton(tr("Hint"), this);
    m_submit = new QPushButton(tr("Submit"), this);
    m_submit->setDefault(true);
    m_skip = new QPushButton(tr("Give up"), this);
    m_next = new QPushButton(tr("Next question"), this);
    for (QPushButton* button : {m_hint, m_submit, m_skip, m_next}) {
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_busyRow = new QWidget(this);
    auto* busy = new QHBoxLayout(m_busyRow);
    busy->setContentsMargins(0, 0, 0, 0);
    m_busyLabel = new QLabel(m_busyRow);
    m_busyBar = new QProgressBar(m_busyRow);
    m_busyBar->setRange(0, 0); // a run's length is not known in advance
    m_busyBar->setMaximumWidth(200);
    m_cancel = new QPushButton(tr("Cancel"), m_busyRow);
    busy->addWidget(m_busyLabel, 1);
    busy->addWidget(m_busyBar);
    busy->addWidget(m_cancel);
    m_busyRow->hide();
    m_feedback = new QTextBrowser(this);
    m_feedback->setOpenLinks(false);
    m_score = new QLabel(this);
    layout->addWidget(m_header);
    layout->addWidget(m_prompt);
    layout->addLayout(m_inputSlot);
    layout->addWidget(m_hints);
    layout->addLayout(buttons);
    layout->addWidget(m_busyRow);
    layout->addWidget(m_feedback, 1);
    layout->addWidget(m_score);
    connect(m_hint, &QPushButton::clicked, this, &QuestionView::showHint);
    connect(m_submit, &QPushButton::clicked, this, &QuestionView::submit);
    connect(m_next, &QPushButton::clicked, this, &QuestionView::next);
    connect(m_skip, &QPushButton::clicked, this, [this] {
        if (m_attempt && !m_attempt->finished() && !m_done) {
            applyOutcome(m_attempt->skip(), {});
        }
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_job.cancel();
        m_fillingPages = false;
        if (m_input != nullptr) {
            m_input->setLocked(false);
        }
        setBusy(false);
        m_feedback->setHtml(tr("<p>The run was cancelled; its processes were stopped and nothing was graded. "
                               "Submit again to run it.</p>"));
    });
    connect(m_feedback, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("showme")) {
            emit showMeRequested(url.path());
        }
    });
}

const Question* QuestionView::current() const {
    return m_attempt && !m_attempt->finished() ? &m_attempt->current() : nullptr;
}

void QuestionView::start(GeneratedQuiz quiz) {
    if (m_job.running()) {
        m_job.cancel();
    }
    m_fillingPages = false;
    m_attempt.emplace(std::move(quiz));
    showQuestion();
}

void QuestionView::showQuestion() {
    m_done = false;
    m_observation.reset();
    m_hints->clear();
    m_feedback->clear();
    setBusy(false);
    delete m_input;
    m_input = nullptr;
    if (!m_attempt || m_attempt->finished()) {
        refreshButtons();
        return;
    }
    fillLivePages();
    const Question& question = m_attempt->current();
    m_header->setText(tr("%1 · question %2 of %3 · §%4 · %5")
                          .arg(fromStd(m_attempt->quiz().title))
                          .arg(m_attempt->index() + 1)
                          .arg(m_attempt->quiz().questions.size())
                          .arg(question.section)
                          .arg(question.graded() ? pointsText(question.points) : tr("not graded")));
    m_prompt->setText(fromStd(question.prompt));
    m_input = makeQuestionInput(question, this);
    m_inputSlot->addWidget(m_input);
    connect(m_input, &QuestionInput::edited, this, &QuestionView::refreshButtons);
    m_submit->setText(question.runChecked() ? tr("Lock answer and run it") : tr("Submit"));
    if (const AnswerRecord* before = m_progress.find(m_attempt->quiz().quizId, question.id)) {
        m_hints->setText(tr("Last time you answered “%1”%2.")
                             .arg(fromStd(before->answer))
                             .arg(before->graded ? (before->correct ? tr(", which was right") : tr(", not quite right"))
                                                 : QString()));
    }
    m_score->setText(scoreText());
    refreshButtons();
}

void QuestionView::fillLivePages() {
    const Question& question = m_attempt->current();
    if (!question.livePages || !question.pages.empty()) {
        return;
    }
    // The main window's last run, when it mapped a shared object, is the picture the student saw.
    if (const RunResult* last = m_lastRun ? m_lastRun() : nullptr; last != nullptr && !last->mappings.empty()) {
        const Question filled = withLivePages(question, observeRun(*last));
        if (!filled.correctPages.empty()) {
            m_attempt->replaceCurrent(filled);
            return;
        }
    }
    if (question.run) {
        m_fillingPages = true;
        m_job.start(question);
        setBusy(true, tr("Reading the pages of a real run of %1…").arg(fromStd(question.run->scenarioId)));
    }
}

void QuestionView::showHint() {
    if (!m_attempt || m_attempt->finished()) {
        return;
    }
    if (const std::optional<std::string> hint = m_attempt->nextHint()) {
        const QString shown = m_hints->text().startsWith(tr("Hint")) ? m_hints->text() + QLatin1Char('\n') : QString();
        m_hints->setText(shown + tr("Hint %1: %2").arg(m_attempt->hintsShown()).arg(fromStd(*hint)));
    }
    refreshButtons();
}

void QuestionView::submit() {
    if (!m_attempt || m_attempt->finished() || m_done || m_input == nullptr || !m_input->complete() ||
        m_job.running()) {
        return;
    }
    const Question& question = m_attempt->current();
    if (!question.runChecked()) {
        applyOutcome(m_attempt->submit(m_input->answer()), {});
        return;
    }
    if (m_observation) { // a retry: the kernel's figures were already observed for this question
        onObserved(*m_observation);
        return;
    }
    m_input->setLocked(true);
    m_fillingPages = false;
    if (m_job.start(question)) {
        setBusy(true,
                tr("Your answer is locked. Running %1 with real processes…").arg(fromStd(question.run->scenarioId)));
    }
}

bool QuestionView::submitLine(const QString& line, QString* why) {
    const Question* question = current();
    if (question == nullptr || m_input == nullptr) {
        *why = tr("no question is open");
        return false;
    }
    std::string reason;
    const std::optional<Answer> answer = parseAnswerLine(*question, line.toStdString(), &reason);
    if (!answer) {
        *why = fromStd(reason);
        return false;
    }
    m_input->setAnswer(*answer);
    submit();
    return true;
}

void QuestionView::onObserved(const RunObservation& observation) {
    setBusy(false);
    if (!m_attempt || m_attempt->finished()) {
        return;
    }
    if (m_fillingPages) {
        m_fillingPages = false;
        m_attempt->replaceCurrent(withLivePages(m_attempt->current(), observation));
        showQuestion();
        if (m_attempt->current().pages.empty()) {
            m_feedback->setPlainText(
                tr("The run showed no pages to pick from: %1")
                    .arg(fromStd(observation.succeeded ? std::string("no mapping was sampled") : observation.failure)));
        }
        return;
    }
    m_observation = observation;
    const QuizAttempt::Outcome outcome = m_attempt->submit(m_input->answer(), &observation.figures);
    applyOutcome(outcome, fromStd(observedExplanation(m_attempt->current(), observation)));
}

void QuestionView::onRunFailed(const QString& message) {
    setBusy(false);
    m_fillingPages = false;
    if (m_input != nullptr) {
        m_input->setLocked(false);
    }
    m_feedback->setHtml(
        tr("<p><b>The run could not be made:</b> %1</p><p>Nothing was graded.</p>").arg(message.toHtmlEscaped()));
    refreshButtons();
}

void QuestionView::applyOutcome(const QuizAttempt::Outcome& outcome, const QString& observedText) {
    const Question& question = m_attempt->current();
    const Grade& grade = outcome.grade;
    QString html;
    if (!grade.graded) {
        html = question.graded() ? tr("<p><b>Not graded:</b> %1</p>").arg(fromStd(grade.feedback).toHtmlEscaped())
                                 : tr("<p><b>Kept.</b> Your reflection is saved on this computer only.</p>");
    } else if (grade.correct) {
        // The grader's one-line feedback starts with "right"; the verdict already says it.
        QString detail = fromStd(grade.feedback);
        if (detail.startsWith(QLatin1String("right"))) {
            detail = detail.mid(5).trimmed();
        }
        html = tr("<p style='color:#007a4d'><b>✓ Right.</b> %1</p>").arg(detail.toHtmlEscaped());
    } else {
        QString detail = fromStd(grade.feedback);
        if (detail.startsWith(QLatin1String("not right"))) {
            detail = detail.mid(9).trimmed();
        }
        html = tr("<p style='color:#b8400b'><b>✗ Not quite.</b> %1</p>").arg(detail.toHtmlEscaped());
    }
    m_done = outcome.done;
    if (outcome.retryAllowed) {
        html += tr("<p>One more try: change your answer and submit again, or ask for a hint.</p>");
        m_input->setLocked(false);
    } else {
        m_input->setLocked(true);
        if (question.graded()) {
            const Question keyed = m_observation ? withObservedKey(question, m_observation->figures) : question;
            html += tr("<p><b>Answer:</b> %1</p>").arg(fromStd(keyText(keyed)).toHtmlEscaped());
        }
        html += QStringLiteral("<p>%1</p>")
                    .arg(observedText.isEmpty()
                             ? paragraphs(question.explanation)
                             : observedText.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        if (!question.showMe.empty()) {
            const QString label = question.showMe == "bench" ? tr("Show me: the measured experiment")
                                                             : tr("Show me: run %1").arg(fromStd(question.showMe));
            html += QStringLiteral("<p><a href='showme:%1'>%2</a></p>").arg(fromStd(question.showMe), label);
        }
        record(outcome);
    }
    m_feedback->setHtml(html);
    m_score->setText(scoreText());
    refreshButtons();
}

void QuestionView::record(const QuizAttempt::Outcome& outcome) {
    const Question& question = m_attempt->current();
    const Grade& grade = outcome.grade;
    m_progress.record({m_attempt->quiz().quizId, question.id, question.section, m_attempt->quiz().seed,
                       m_input->answerText().toStdString(), question.graded(), grade.correct, grade.earned,
                       grade.possible, std::max(1, m_attempt->tries()), utcTimestamp()});
    try {
        m_progress.save();
    } catch (const std::exception& failure) {
        m_score->setText(tr("Progress could not be saved: %1").arg(QString::fromStdString(failure.what())));
    }
    emit recorded();
}

void QuestionView::next() {
    if (!m_attempt || m_attempt->finished() || !m_done) {
        return;
    }
    m_attempt->advance();
    if (m_attempt->finished()) {
        finishQuiz();
        return;
    }
    showQuestion();
}

void QuestionView::finishQuiz() {
    showQuestion(); // clears the input
    m_progress.recordScore(
        {m_attempt->quiz().quizId, m_attempt->quiz().seed, m_attempt->earned(), m_attempt->possible(), utcTimestamp()});
    try {
        m_progress.save();
    } catch (const std::exception& failure) {
        m_hints->setText(tr("Progress could not be saved: %1").arg(QString::fromStdString(failure.what())));
    }
    m_header->setText(tr("%1 · finished").arg(fromStd(m_attempt->quiz().title)));
    m_prompt->setText(tr("You scored %1 of %2.").arg(m_attempt->earned(), 0, 'g', 3).arg(m_attempt->possible()));
    m_score->setText(scoreText());
    emit recorded();
}

bool QuestionView::busy() const {
    return !m_busyRow->isHidden();
}

QString QuestionView::feedbackText() const {
    return m_feedback->toPlainText();
}

QString QuestionView::scoreText() const {
    return m_attempt ? tr("Score: %1 of %2").arg(m_attempt->earned(), 0, 'g', 3).arg(m_attempt->possible()) : QString();
}

void QuestionView::setBusy(bool busy, const QString& what) {
    m_busyRow->setVisible(busy);
    m_busyLabel->setText(what);
    refreshButtons();
}

void QuestionView::refreshButtons() {
    const bool asking = m_attempt && !m_attempt->finished() && !m_done;
    const bool running = busy();
    m_submit->setEnabled(asking && !running && m_input != nullptr && m_input->complete());
    m_hint->setEnabled(asking && !running &&
                       m_attempt->hintsShown() < static_cast<int>(m_attempt->current().hints.size()));
    m_skip->setEnabled(asking && !running);
    m_next->setEnabled(m_attempt && !m_attempt->finished() && m_done);
}

} // namespace ipclab
