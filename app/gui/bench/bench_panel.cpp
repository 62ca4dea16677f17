#include "gui/bench/bench_panel.h"

#include "gui/bench/bench_chart_view.h"
#include "gui/bench/bench_runner.h"

#include "session/session.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <bit>

namespace ipclab {

namespace {

constexpr int kQuickSamples = 5;
constexpr int kThresholdDelayMs = 400; ///< the slider settles before the hybrid runs again
constexpr int kMinThresholdLog2 = 10;  ///< 1 KiB
constexpr int kMaxThresholdLog2 = 24;  ///< 16 MiB

QString words(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

BenchPanel::BenchPanel(BenchPanelOptions options, QWidget* parent)
    : QWidget(parent), m_options(std::move(options)), m_runner(new BenchRunner(this)),
      m_chart(new BenchChartView(this)) {
    setWindowTitle(tr("It depends: message passing vs shared memory (§7–§9)"));
    auto* intro = new QLabel(tr("Which is faster, message passing or shared memory? It depends: every message is "
                                "copied into the kernel and out again, while shared memory pays once to create and "
                                "map its pages. Measured here, untraced, with real worker processes on this machine."),
                             this);
    intro->setWordWrap(true);
    m_headline = new QLabel(this);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(setupControls());
    layout->addWidget(setupHybridRow());
    layout->addWidget(m_headline);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_notes);
    layout->addWidget(setupExportRow());
    setupConnections();
    resize(1400, 900);
    loadStored();
    redraw();
}

QWidget* BenchPanel::setupControls() {
    auto* row = new QWidget(this);
    auto* rows = new QVBoxLayout(row);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QHBoxLayout;
    auto* runRow = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addLayout(runRow);
    m_modeBox = new QComboBox(row);
    m_modeBox->addItem(tr("Reused channel: round trip"), static_cast<int>(bench::BenchMode::RoundTrip));
    m_modeBox->addItem(tr("Reused channel: one-way stream"), static_cast<int>(bench::BenchMode::Throughput));
    m_modeBox->addItem(tr("One-time transfer: setup + one transfer + teardown"),
                       static_cast<int>(bench::BenchMode::OneTime));
    m_modeBox->addItem(tr("Setup and teardown alone"), static_cast<int>(bench::BenchMode::SetupTeardown));
    // The lesson's headline case (§9): even used once, mapping wins for large data.
    m_modeBox->setCurrentIndex(m_modeBox->findData(static_cast<int>(bench::BenchMode::OneTime)));
    m_placementBox = new QComboBox(row);
    m_placementBox->addItem(tr("two CPUs"), static_cast<int>(bench::Placement::CrossCpu));
    m_placementBox->addItem(tr("same CPU"), static_cast<int>(bench::Placement::SameCpu));
    m_placementBox->addItem(tr("unpinned"), static_cast<int>(bench::Placement::Unpinned));
    m_sizesBox = new QComboBox(row);
    for (const int log2 : {16, 20, 24, 26}) {
        const std::uint64_t size = std::uint64_t{1} << log2;
        m_sizesBox->addItem(tr("64 B to %1").arg(words(bench::sizeText(static_cast<double>(size)))),
                            QVariant::fromValue<qulonglong>(size));
    }
    m_sizesBox->setCurrentIndex(m_sizesBox->count() - 1);
    m_quick = new QCheckBox(tr("quick (%1 samples a cell, noisier)").arg(kQuickSamples), row);
    m_run = new QPushButton(tr("Run the sweep"), row);
    m_cancel = new QPushButton(tr("Cancel"), row);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(row);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("not running"));
    layout->addWidget(new QLabel(tr("Show:"), row));
    layout->addWidget(m_modeBox);
    layout->addWidget(new QLabel(tr("CPU placement:"), row));
    layout->addWidget(m_placementBox);
    layout->addWidget(new QLabel(tr("Sizes:"), row));
    layout->addWidget(m_sizesBox);
    layout->addWidget(m_quick);
    layout->addStretch(1);
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);
    return row;
}

QWidget* BenchPanel::setupHybridRow() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_threshold = new QSlider(Qt::Horizontal, row);
    m_threshold->setRange(kMinThresholdLog2, kMaxThresholdLog2);
    m_threshold->setPageStep(1);
    m_threshold->setTickPosition(QSlider::TicksBelow);
    m_threshold->setMaximumWidth(360);
    m_thresholdText = new QLabel(row);
    m_thresholdDelay = new QTimer(this);
    m_thresholdDelay->setSingleShot(true);
    m_thresholdDelay->setInterval(kThresholdDelayMs);
    layout->addWidget(new QLabel(tr("Hybrid (like Windows LPC, §9): copy through a socket below"), row));
    layout->addWidget(m_threshold);
    layout->addWidget(m_thresholdText, 1);
    setHybridThreshold(std::uint64_t{64} * 1024);
    return row;
}

QWidget* BenchPanel::setupExportRow() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* csv = new QPushButton(tr("Export CSV…"), row);
    auto* png = new QPushButton(tr("Save chart as PNG…"), row);
    connect(csv, &QPushButton::clicked, this, &BenchPanel::exportCsvAsked);
    connect(png, &QPushButton::clicked, this, &BenchPanel::savePngAsked);
    layout->addWidget(m_status, 1);
    layout->addWidget(csv);
    layout->addWidget(png);
    return row;
}

void BenchPanel::setupConnections() {
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, &BenchPanel::redraw);
    connect(m_placementBox, &QComboBox::currentIndexChanged, this, &BenchPanel::redraw);
    connect(m_run, &QPushButton::clicked, this, [this] { startSweep(); });
    connect(m_cancel, &QPushButton::clicked, this, &BenchPanel::cancel);
    connect(m_threshold, &QSlider::valueChanged, this, [this] {
        m_thresholdText->setText(tr("%1, hand over a memfd from there on; moving it measures the hybrid again")
                                     .arg(words(bench::sizeText(static_cast<double>(hybridThreshold())))));
        m_thresholdDelay->start();
    });
    connect(m_thresholdDelay, &QTimer::timeout, this, [this] {
        const bool hasHybrid = std::any_of(m_result.cells.begin(), m_result.cells.end(), [this](const auto& cell) {
            return cell.mechanism == "hybrid" && cell.placement == placement();
        });
        // Only a measured hybrid is measured again; otherwise the threshold waits for the next sweep.
        if (hasHybrid && !m_threshold->isSliderDown() && !isRunning() &&
            hybridThreshold() != m_result.spec.hybridThreshold) {
            rerunHybrid();
        }
    });
    connect(m_threshold, &QSlider::sliderReleased, m_thresholdDelay, qOverload<>(&QTimer::start));
    connect(m_runner, &BenchRunner::progressed, this, &BenchPanel::onProgress);
    connect(m_runner, &BenchRunner::batchDone, this, &BenchPanel::onBatch);
    connect(m_runner, &BenchRunner::finished, this, &BenchPanel::onFinished);
}

bench::BenchSpec BenchPanel::specFromControls() const {
    bench::BenchSpec spec;
    spec.sizes = bench::powerOfTwoSizes(64, m_sizesBox->currentData().toULongLong());
    spec.placement = placement();
    spec.hybridThreshold = hybridThreshold();
    spec.samples = m_quick->isChecked() ? kQuickSamples : 0;
    spec.workerPath = m_options.workerPath.empty() ? defaultWorkerPath() : m_options.workerPath;
    return spec;
}

bool BenchPanel::startSweep() {
    return startSweep(specFromControls());
}

bool BenchPanel::startSweep(const bench::BenchSpec& spec) {
    QString error;
    if (!m_runner->start(spec, &error)) {
        m_status->setText(tr("Cannot start: %1").arg(error));
        return false;
    }
    setPlacement(spec.placement);
    m_status->setText(tr("Measuring… the chart fills in one mechanism at a time."));
    setRunning(true);
    redraw();
    return true;
}

bool BenchPanel::rerunHybrid() {
    bench::BenchSpec spec = specFromControls();
    spec.mechanisms = {"hybrid"};
    std::vector<std::uint64_t> sizes;
    std::vector<bench::BenchMode> modes;
    for (const bench::BenchCell& cell : m_result.cells) {
        if (cell.mechanism == "hybrid" && cell.placement == spec.placement) {
            sizes.push_back(cell.size);
            modes.push_back(cell.mode);
        }
    }
    if (!sizes.empty()) {
        // The cells the hybrid has now, no more: the other mechanisms keep their figures.
        std::sort(sizes.begin(), sizes.end());
        sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
        std::sort(modes.begin(), modes.end());
        modes.erase(std::unique(modes.begin(), modes.end()), modes.end());
        spec.sizes = sizes;
        spec.modes = modes;
    }
    return startSweep(spec);
}

void BenchPanel::cancel() {
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling: stopping the workers and removing their objects…"));
}

bool BenchPanel::isRunning() const {
    return m_runner->isRunning();
}

void BenchPanel::setRunning(bool running) {
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_sizesBox->setEnabled(!running);
    m_quick->setEnabled(!running);
    m_placementBox->setEnabled(!running);
}

void BenchPanel::onProgress(int index, int total, const QString& cell) {
    m_progress->setRange(0, total);
    m_progress->setValue(index);
    QString format = cell.isEmpty() ? tr("%v of %m cells") : tr("%v of %m cells — now: %1").arg(cell);
    m_progress->setFormat(format);
}

void BenchPanel::onBatch(const bench::BenchResult& batch) {
    mergeCells(m_result, batch);
    redraw();
}

void BenchPanel::onFinished(const bench::BenchResult& sweep, const QString& error) {
    setRunning(false);
    if (!error.isEmpty()) {
        m_status->setText(tr("The sweep failed: %1").arg(error));
    } else if (sweep.cancelled) {
        m_status->setText(tr("Cancelled. The mechanisms finished before are shown; nothing was saved."));
    } else {
        saveStored(sweep);
    }
    redraw();
    emit sweepFinished(sweep.cancelled || !error.isEmpty());
}

void BenchPanel::closeEvent(QCloseEvent* event) {
    if (isRunning()) {
        cancel();
    }
    QWidget::closeEvent(event);
}

void BenchPanel::setMode(bench::BenchMode mode) {
    m_modeBox->setCurrentIndex(std::max(0, m_modeBox->findData(static_cast<int>(mode))));
}

bench::BenchMode BenchPanel::mode() const {
    return static_cast<bench::BenchMode>(m_modeBox->currentData().toInt());
}

void BenchPanel::setPlacement(bench::Placement placement) {
    m_placementBox->setCurrentIndex(std::max(0, m_placementBox->findData(static_cast<int>(placement))));
}

bench::Placement BenchPanel::placement() const {
    return static_cast<bench::Placement>(m_placementBox->currentData().toInt());
}

void BenchPanel::setHybridThreshold(std::uint64_t bytes) {
    const int log2 = std::clamp(static_cast<int>(std::bit_width(std::max<std::uint64_t>(bytes, 1))) - 1,
                                kMinThresholdLog2, kMaxThresholdLog2);
    m_threshold->setValue(log2);
    m_thresholdText->setText(tr("%1, hand over a memfd from there on; moving it measures the hybrid again")
                                 .arg(words(bench::sizeText(static_cast<double>(hybridThreshold())))));
    m_thresholdDelay->stop(); // set from code: nothing to re-run
}

std::uint64_t BenchPanel::hybridThreshold() const {
    return std::uint64_t{1} << m_threshold->value();
}

} // namespace ipclab
