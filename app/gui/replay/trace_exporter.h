#pragma once

#include "events/event.h"
#include "gui/common/background_job.h"
#include "report/chrome_trace.h"

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

class QAction;
class QWidget;

namespace ipclab {

/// "Export trace…": saves a recorded run as Chrome Trace Event JSON (core's chromeTraceJson),
/// chosen in a file dialog that does not block, written on a thread of its own through a
/// temporary that is renamed into place, so that the window never waits and a failed write
/// leaves nothing behind. The outcome goes to the window's status bar (and a message box on
/// failure) and to finished(). GUI thread only; the destructor waits for a write in progress.
class TraceExporter : public QObject {
    Q_OBJECT
public:
    using Recording = std::shared_ptr<const std::vector<Event>>;

    /// `window` parents the dialog and shows the outcome (in its status bar, if it has one).
    explicit TraceExporter(QWidget* window, QObject* parent = nullptr);

    /// The recording that the action exports; null (or empty) disables the action.
    void setRecording(Recording events, ChromeTraceContext context);
    /// Writes the recording to `path` in the background; finished() follows. False (and
    /// nothing done) when there is nothing to export or a write is still going.
    bool writeTo(const QString& path);

    QAction* action() const { return m_action; }
    bool isWriting() const { return m_job.isRunning(); }

signals:
    void finished(bool ok, const QString& message);

private:
    void chooseFile();
    bool write(const QString& path, const Recording& events, const ChromeTraceContext& context);
    void onWritten(const QString& path, const QString& error);

    QWidget* m_window;
    QAction* m_action;
    Recording m_events;
    ChromeTraceContext m_context;
    BackgroundJob m_job;
};

} // namespace ipclab
