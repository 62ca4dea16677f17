#pragma once

#include <QObject>

class QSocketNotifier;

namespace ipclab {

/// SIGTERM, SIGINT and SIGHUP close the app the way its window's close button does, so that a
/// run or a benchmark sweep in progress is stopped and every IPC object removed before exit
/// (the default action would leave the session's own objects behind). The handler only writes a
/// byte to a pipe (async-signal-safe); the event loop does the rest. One instance, GUI thread.
class QuitSignals : public QObject {
    Q_OBJECT
public:
    explicit QuitSignals(QObject* parent = nullptr);
    ~QuitSignals() override;

private:
    void onSignal();

    QSocketNotifier* m_notifier = nullptr;
};

} // namespace ipclab
