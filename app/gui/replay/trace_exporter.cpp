#include "gui/replay/trace_exporter.h"

#include "common/atomic_file.h"
#include "gui/common/text_format.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <exception>

namespace ipclab {

TraceExporter::TraceExporter(QWidget* window, QObject* parent)
    : QObject(parent), m_window(window), m_action(new QAction(tr("Export trace…"), this)) {
    m_action->setToolTip(tr("Save the recorded run as a Chrome trace (JSON) to open in ui.perfetto.dev"));
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, &TraceExporter::chooseFile);
}

void TraceExporter::setRecording(Recording events, ChromeTraceContext context) {
    m_events = std::move(events);
    m_context = std::move(context);
    m_action->setEnabled(m_events && !m_events->empty());
}

void TraceExporter::chooseFile() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = fromStd(m_context.scenarioId.empty() ? std::string("run") : m_context.scenarioId);
    auto* dialog = new QFileDialog(m_window, tr("Export trace"), QDir(folder).filePath(name + ".trace.json"),
                                   tr("Chrome trace (*.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The recording as it was when the dialog opened: a run started meanwhile does not change it.
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, events = m_events, context = m_context](const QString& path) { write(path, events, context); });
    dialog->open(); // not exec(): the window stays live while the user chooses
}

bool TraceExporter::writeTo(const QString& path) {
    return write(path, m_events, m_context);
}

bool TraceExporter::write(const QString& path, const Recording& events, const ChromeTraceContext& context) {
    if (m_job.isRunning() || !events || events->empty()) {
        return false;
    }
    m_action->setEnabled(false);
    m_job.start([this, path, events, context](const JobControl&) -> BackgroundJob::Delivery {
        QString error;
        try {
            AtomicFile file(QFile::encodeName(path).toStdString(), {});
            file.commit(
                chromeTraceJson(*events, context).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        } catch (const std::exception& failure) {
            error = QString::fromStdString(failure.what());
        }
        return [this, path, error] { onWritten(path, error); };
    });
    return true;
}

void TraceExporter::onWritten(const QString& path, const QString& error) {
    m_action->setEnabled(m_events && !m_events->empty());
    const QString message = error.isEmpty()
                                ? tr("Trace saved to %1: open it in ui.perfetto.dev or chrome://tracing.").arg(path)
                                : tr("The trace was not saved: %1").arg(error);
    if (auto* window = qobject_cast<QMainWindow*>(m_window)) {
        window->statusBar()->showMessage(message);
    }
    if (!error.isEmpty() && m_window != nullptr) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Export trace"), message, QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit finished(error.isEmpty(), message);
}

} // namespace ipclab
