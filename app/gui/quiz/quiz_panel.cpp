#include "gui/quiz/quiz_panel.h"

#include "gui/common/text_format.h"
#include "gui/lab/scenario_list.h"
#include "gui/quiz/question_view.h"
#include "gui/quiz/quiz_run_job.h"
#include "quiz/quiz_generator.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <map>

namespace ipclab {

namespace {

constexpr int kQuizIdRole = Qt::UserRole;
constexpr int kMaxSeed = 999999; ///< seeds a student can read aloud; the CLI accepts any 64-bit seed

std::shared_ptr<const ScenarioCatalog> loadScenarios(const std::filesystem::path& dir) {
    auto catalog = std::make_shared<ScenarioCatalog>();
    try {
        catalog->addDirectory(dir.empty() ? defaultScenarioDir() : dir);
    } catch (const std::exception&) {
        // Without scenarios, predict-then-run questions say which scenario is missing when run.
    }
    return catalog;
}

} // namespace

QuizPanel::QuizPanel(QuizPanelOptions options, QWidget* parent)
    : QWidget(parent), m_scenarios(loadScenarios(options.scenarioDir)) {
    const std::filesystem::path progressFile =
        options.progressFile.empty() ? ProgressStore::defaultPath() : options.progressFile;
    QString progressProblem;
    try {
        m_progress = std::make_unique<ProgressStore>(progressFile);
    } catch (const std::exception& failure) {
        // The unreadable file is left as it is for the student to look at; this session writes beside it.
        std::filesystem::path aside = progressFile;
        aside += ".new";
        m_progress = std::make_unique<ProgressStore>(aside);
        progressProblem = tr("%1 — answers from now on go to %2")
                              .arg(QString::fromStdString(failure.what()), QString::fromStdString(aside.string()));
    }
    try {
        m_quizzes.addDirectory(options.quizDir.empty() ? defaultQuizDir() : options.quizDir);
    } catch (const std::exception& failure) {
        progressProblem = QString::fromStdString(failure.what());
    }
    m_job = new QuizRunJob(m_scenarios, options.workerPath, this);
    m_view = new QuestionView(*m_progress, *m_job, this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(setupList());
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 900});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_view, &QuestionView::showMeRequested, this, &QuizPanel::showMeRequested);
    connect(m_view, &QuestionView::recorded, this, &QuizPanel::refreshProgress);
    fillList();
    refreshProgress();
    if (!progressProblem.isEmpty()) {
        m_progressLabel->setText(m_progressLabel->text() + QStringLiteral("\n") + progressProblem);
    }
}

QuizPanel::~QuizPanel() = default;

QWidget* QuizPanel::setupList() {
    auto* side = new QWidget(this);
    auto* layout = new QVBoxLayout(side);
    m_list = new QTreeWidget(side);
    m_list->setHeaderHidden(true);
    m_list->setWordWrap(true);
    m_seed = new QSpinBox(side);
    m_seed->setRange(0, kMaxSeed);
    m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(kMaxSeed + 1)));
    m_seed->setToolTip(tr("Questions with numbers are drawn from this seed: the same seed gives the same "
                          "questions, as with ipclab-cli quiz run ID --seed N"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(new QLabel(tr("Seed"), side));
    seedRow->addWidget(m_seed, 1);
    m_progressLabel = new QLabel(side);
    m_progressLabel->setWordWrap(true);
    m_reset = new QPushButton(tr("Reset progress…"), side);
    layout->addWidget(m_list, 1);
    layout->addLayout(seedRow);
    layout->addWidget(new QLabel(tr("<b>Your progress</b>"), side));
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_reset);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, kQuizIdRole).toString();
        if (!id.isEmpty()) {
            openQuiz(id);
        }
    });
    connect(m_reset, &QPushButton::clicked, this, [this] { resetProgress(true); });
    return side;
}

void QuizPanel::fillList() {
    m_list->clear();
    std::map<int, QTreeWidgetItem*> sections;
    for (const Quiz& quiz : m_quizzes.quizzes()) {
        QTreeWidgetItem*& group = sections[quiz.section];
        if (group == nullptr) {
            group = new QTreeWidgetItem(m_list,
                                        {tr("§%1 %2").arg(quiz.section).arg(ScenarioList::sectionTitle(quiz.section))});
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto* item = new QTreeWidgetItem(group, {fromStd(quiz.title)});
        item->setData(0, kQuizIdRole, fromStd(quiz.id));
        item->setToolTip(0, tr("%1\n%2 questions, %3 points")
                                .arg(fromStd(quiz.summary))
                                .arg(quiz.questions.size())
                                .arg(quiz.totalPoints()));
    }
    for (const std::string& error : m_quizzes.errors()) {
        auto* item = new QTreeWidgetItem(m_list, {tr("Not loaded: %1").arg(fromStd(error))});
        item->setForeground(0, QColor::fromRgb(0xb8400b));
    }
    m_list->expandAll();
}

bool QuizPanel::openQuiz(const QString& id) {
    return openQuiz(id, static_cast<std::uint64_t>(m_seed->value()));
}

bool QuizPanel::openQuiz(const QString& id, std::uint64_t seed) {
    const Quiz* quiz = m_quizzes.find(id.toStdString());
    if (quiz == nullptr) {
        return false;
    }
    if (seed <= static_cast<std::uint64_t>(kMaxSeed)) {
        m_seed->setValue(static_cast<int>(seed)); // the box shows the seed the questions came from
    }
    try {
        m_view->start(generateQuiz(*quiz, seed));
    } catch (const std::exception& failure) {
        QMessageBox::warning(this, tr("Quiz"), QString::fromStdString(failure.what()));
        return false;
    }
    return true;
}

void QuizPanel::setLastRunProvider(std::function<const RunResult*()> lastRun) {
    m_view->setLastRunProvider(std::move(lastRun));
}

void QuizPanel::resetProgress(bool confirm) {
    if (confirm &&
        QMessageBox::question(this, tr("Reset progress"),
                              tr("Forget every answer, score and reflection kept in %1?")
                                  .arg(QString::fromStdString(m_progress->path().string()))) != QMessageBox::Yes) {
        return;
    }
    try {
        m_progress->reset();
    } catch (const std::exception& failure) {
        QMessageBox::warning(this, tr("Reset progress"), QString::fromStdString(failure.what()));
    }
    refreshProgress();
}

QString QuizPanel::progressText() const {
    QStringList lines;
    for (const SectionProgress& section : m_progress->bySection()) {
        QString line = tr("§%1  %2 answered, %3 right, %4 of %5 points")
                           .arg(section.section)
                           .arg(section.answered)
                           .arg(section.correct)
                           .arg(section.earned, 0, 'g', 3)
                           .arg(section.possible);
        if (section.reflections > 0) {
            line += tr(", %1 reflection(s) kept").arg(section.reflections);
        }
        lines << line;
    }
    return lines.isEmpty() ? tr("No answers yet.") : lines.join(QLatin1Char('\n'));
}

void QuizPanel::refreshProgress() {
    m_progressLabel->setText(progressText());
    m_reset->setEnabled(!m_progress->answers().empty() || !m_progress->scores().empty());
}

} // namespace ipclab
