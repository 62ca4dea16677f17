#include "gui/repeat/outcome_histogram_panel.h"

#include "gui/common/text_format.h"
#include "gui/repeat/series_runner.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace ipclab {

namespace {

QString number(std::int64_t value) {
    return QLocale().toString(static_cast<qlonglong>(value));
}

/// "1.6 M", "880 k", "512": short enough for a bar's label; the summary line gives exact figures.
QString compact(std::int64_t value) {
    if (value >= 1'000'000) {
        return QStringLiteral("%1 M").arg(static_cast<double>(value) / 1e6, 0, 'f', 1);
    }
    if (value >= 10'000) {
        return QStringLiteral("%1 k").arg(static_cast<double>(value) / 1e3, 0, 'f', 0);
    }
    return number(value);
}

QString binLabel(const HistogramBin& bin) {
    if (bin.high <= 0) {
        return QObject::tr("none lost");
    }
    // The lower bound alone: a bar is ten characters wide at most; the tooltip-free chart stays readable.
    return bin.low == bin.high ? compact(bin.low) : QStringLiteral("≥ %1").arg(compact(bin.low));
}

} // namespace

OutcomeHistogramPanel::OutcomeHistogramPanel(std::filesystem::path workerPath, std::function<ParamValues()> params,
                                             QWidget* parent)
    : QWidget(parent), m_workerPath(std::move(workerPath)), m_params(std::move(params)),
      m_runner(new SeriesRunner(this)), m_runsBox(new QSpinBox(this)),
      m_start(new QPushButton(tr("Run the series"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)), m_chart(new QChart),
      m_chartView(new QChartView(m_chart, this)) {
    m_runsBox->setRange(1, RunSeries::kMaxRuns);
    m_runsBox->setValue(20);
    m_runsBox->setSuffix(tr(" runs"));
    m_cancel->setEnabled(false);
    m_progress->setFormat(tr("run %v of %m"));
    m_summary->setWordWrap(true);
    auto* intro = new QLabel(tr("The same experiment, run again and again at full speed without tracing: how many "
                                "updates each run lost. The outcome of a race is not a fixed number; it depends on "
                                "how the processes happened to interleave."),
                             this);
    intro->setWordWrap(true);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_runsBox);
    controls->addWidget(m_start);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_chartView, 1);
    setupChart();
    connect(m_start, &QPushButton::clicked, this, &OutcomeHistogramPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &OutcomeHistogramPanel::cancel);
    connect(m_runner, &SeriesRunner::runDone, this, &OutcomeHistogramPanel::onRunDone);
    connect(m_runner, &SeriesRunner::finished, this, &OutcomeHistogramPanel::onFinished);
    setScenario(nullptr);
}

void OutcomeHistogramPanel::setupChart() {
    m_chart->setTitle(tr("Updates lost per run"));
    m_chart->legend()->hide();
    m_chartView->setRenderHint(QPainter::Antialiasing);
    auto* series = new QBarSeries(m_chart);
    m_bars = new QBarSet(tr("runs"), series);
    series->append(m_bars);
    m_chart->addSeries(series);
    m_categories = new QBarCategoryAxis(m_chart);
    m_categories->setTitleText(tr("updates lost in a run (each bar counts the runs from its figure up to the next)"));
    m_counts = new QValueAxis(m_chart);
    m_counts->setTitleText(tr("runs"));
    m_counts->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_categories, Qt::AlignBottom);
    m_chart->addAxis(m_counts, Qt::AlignLeft);
    series->attachAxis(m_categories);
    series->attachAxis(m_counts);
}

bool OutcomeHistogramPanel::canRepeat(const Scenario& scenario) {
    return scenario.mechanism == "shm-counter";
}

void OutcomeHistogramPanel::setScenario(const Scenario* scenario) {
    if (isRunning()) {
        cancel();
    }
    m_scenario = scenario != nullptr && canRepeat(*scenario) ? scenario : nullptr;
    m_start->setEnabled(m_scenario != nullptr && !isRunning());
    m_losses.clear();
    m_failed = 0;
    redraw();
    m_summary->setText(m_scenario != nullptr
                           ? tr("Press \"Run the series\" to run %1 with the parameters set on the left.")
                                 .arg(fromStd(m_scenario->title))
                           : tr("Only the shared-counter scenarios (§13–§15) report a count to repeat."));
}

int OutcomeHistogramPanel::runs() const {
    return m_runsBox->value();
}

void OutcomeHistogramPanel::setRuns(int runs) {
    m_runsBox->setValue(runs);
}

bool OutcomeHistogramPanel::isRunning() const {
    return m_runner->isRunning();
}

bool OutcomeHistogramPanel::start() {
    if (m_scenario == nullptr || isRunning()) {
        return false;
    }
    QString error;
    if (!m_runner->start(*m_scenario, m_params(), runs(), m_workerPath, &error)) {
        m_summary->setText(tr("The series could not start: %1").arg(error));
        return false;
    }
    m_losses.clear();
    m_failed = 0;
    redraw();
    m_progress->setRange(0, runs());
    m_progress->setValue(0);
    m_summary->setText(tr("Running…"));
    setRunning(true);
    return true;
}

void OutcomeHistogramPanel::cancel() {
    m_runner->cancel();
}

void OutcomeHistogramPanel::setRunning(bool running) {
    m_start->setEnabled(!running && m_scenario != nullptr);
    m_cancel->setEnabled(running);
    m_runsBox->setEnabled(!running);
}

void OutcomeHistogramPanel::onRunDone(const SeriesRun& run, int total) {
    if (run.lost) {
        m_losses.push_back(*run.lost);
    } else {
        ++m_failed;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(run.index);
    redraw();
    m_summary->setText(summaryText());
}

void OutcomeHistogramPanel::onFinished(bool cancelled) {
    setRunning(false);
    QString text = summaryText();
    if (cancelled) {
        text += QLatin1Char(' ') + tr("Cancelled: the run under way was stopped and its objects removed.");
    }
    m_summary->setText(text);
    emit seriesFinished();
}

QString OutcomeHistogramPanel::summaryText() const {
    if (m_histogram.runs == 0) {
        return m_failed > 0 ? tr("%1 runs failed and gave no count.").arg(m_failed) : QString();
    }
    QString text = tr("%1 of %2 runs lost updates. Lost per run: least %3, median %4, most %5.")
                       .arg(m_histogram.runsWithLoss)
                       .arg(m_histogram.runs)
                       .arg(number(m_histogram.least), number(m_histogram.median), number(m_histogram.most));
    if (m_failed > 0) {
        text += QLatin1Char(' ') + tr("%1 runs failed and gave no count.").arg(m_failed);
    }
    return text;
}

void OutcomeHistogramPanel::redraw() {
    m_histogram = histogramOf(m_losses);
    QStringList labels;
    QList<qreal> counts;
    int most = 1;
    for (const HistogramBin& bin : m_histogram.bins) {
        labels << binLabel(bin);
        counts << bin.count;
        most = std::max(most, bin.count);
    }
    m_bars->remove(0, m_bars->count());
    m_bars->append(counts);
    m_categories->clear();
    m_categories->append(labels);
    // Whole numbers of runs on the ticks: a step of 1, 2, 3... so that at most ten steps fit.
    const int step = (most + 9) / 10;
    const int top = (most + step - 1) / step * step;
    m_counts->setRange(0, top);
    m_counts->setTickCount(top / step + 1);
}

} // namespace ipclab
