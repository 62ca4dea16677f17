// BenchPanel's words above the chart and its files: the results kept per machine, CSV and PNG.
#include "gui/bench/bench_chart_view.h"
#include "gui/bench/bench_panel.h"

#include "bench/results_store.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QLabel>

namespace ipclab {

namespace {

QString words(const std::string& text) {
    return QString::fromStdString(text);
}

bench::ResultsStore storeFor(const std::filesystem::path& path) {
    return path.empty() ? bench::ResultsStore() : bench::ResultsStore(path);
}

} // namespace

void BenchPanel::loadStored() {
    try {
        if (auto kept = storeFor(m_options.storePath).load(bench::MachineId::current())) {
            setResult(*kept);
            m_status->setText(
                tr("Figures kept from an earlier sweep on this machine. Run the sweep to measure again."));
        }
    } catch (const std::exception& failure) {
        m_status->setText(tr("The kept figures could not be read: %1").arg(words(failure.what())));
    }
}

void BenchPanel::saveStored(const bench::BenchResult& sweep) {
    try {
        const bench::ResultsStore store = storeFor(m_options.storePath);
        store.save(bench::MachineId::current(), sweep);
        m_status->setText(tr("Done. Kept for this machine in %1.").arg(words(store.file().string())));
    } catch (const std::exception& failure) {
        m_status->setText(tr("Done, but the figures could not be kept: %1").arg(words(failure.what())));
    }
}

void BenchPanel::setResult(const bench::BenchResult& result) {
    m_result = result;
    setPlacement(result.spec.placement);
    setHybridThreshold(result.spec.hybridThreshold);
    redraw();
}

void BenchPanel::redraw() {
    const ChartData chartData = chartDataFor(m_result, mode(), placement());
    m_chart->setData(chartData, m_result.spec.hybridThreshold);
    const QString where = chartData.cpus.empty()
                              ? words(placementWords(chartData.placement))
                              : tr("%1 (%2)").arg(words(placementWords(chartData.placement)), words(chartData.cpus));
    QStringList lines;
    if (!chartData.hasPoints()) {
        lines << tr("<b>No figures yet for CPU placement “%1”.</b> %2")
                     .arg(where.toHtmlEscaped(), isRunning()
                                                     ? tr("Measuring now: each mechanism appears when it is done.")
                                                     : tr("Press Run the sweep."));
    } else {
        for (const ChartCrossing& crossing : chartData.crossings) {
            lines << QStringLiteral("<b>%1</b>").arg(words(crossingSentence(crossing, chartData.mode)).toHtmlEscaped());
        }
        if (chartData.crossings.empty()) {
            lines << tr("<b>No crossing between message passing and shared memory in the sizes measured for %1.</b>")
                         .arg(words(modeWords(chartData.mode)));
        }
        const QString when =
            m_result.startedUnix > 0
                ? QDateTime::fromSecsSinceEpoch(m_result.startedUnix).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : tr("an unknown time");
        lines << tr("CPU placement: %1. Measured on this machine, %2. Hover a point for its spread.")
                     .arg(where.toHtmlEscaped(), when);
    }
    m_headline->setText(lines.join(QStringLiteral("<br>")));
    QStringList capped;
    for (const ChartLine& line : chartData.lines) {
        if (const std::string note = cappedSentence(line); !note.empty()) {
            capped << words(note);
        }
    }
    m_notes->setText(capped.isEmpty() ? QString()
                                      : tr("Not plotted, no figure: %1").arg(capped.join(QStringLiteral("; "))));
    m_notes->setVisible(!capped.isEmpty());
}

bool BenchPanel::exportCsv(const QString& file, QString* error) const {
    QFile out(file);
    const QByteArray text = QByteArray::fromStdString(resultCsv(m_result));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text) != text.size()) {
        *error = tr("%1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

bool BenchPanel::savePng(const QString& file) const {
    return m_chart->grab().save(file, "PNG");
}

void BenchPanel::exportCsvAsked() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the figures as CSV"),
                                                      QStringLiteral("ipclab-it-depends.csv"), tr("CSV files (*.csv)"));
    QString error;
    if (!file.isEmpty()) {
        m_status->setText(exportCsv(file, &error) ? tr("Saved %1.").arg(file) : tr("Not saved: %1").arg(error));
    }
}

void BenchPanel::savePngAsked() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Save the chart as PNG"), QStringLiteral("ipclab-it-depends.png"), tr("PNG images (*.png)"));
    if (!file.isEmpty()) {
        m_status->setText(savePng(file) ? tr("Saved %1.").arg(file) : tr("Not saved: could not write %1.").arg(file));
    }
}

} // namespace ipclab
