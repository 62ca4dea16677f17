#pragma once

#include "ipcs/ipc_tables.h"

#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace ipclab {

class IpcTableModel;

/// The IPC objects tab (lesson §18): the machine's System V and POSIX IPC objects, read from
/// the kernel's tables about once a second while the tab is shown, the system limits below, and
/// Remove, the GUI's ipcrm: refused with a reason for objects the user does not own, otherwise
/// confirmed in a dialog that names the object, then done by core (removeIpcObject). Works with
/// or without a run. GUI thread only; dialogs are opened, never exec()'d.
class IpcsPanel : public QWidget {
    Q_OBJECT
public:
    explicit IpcsPanel(QWidget* parent = nullptr);

    /// Reads the tables and the limits now.
    void refresh();
    /// Selects the listed object with this kind, id and key; false when it is not listed.
    bool selectObject(const IpcObject& object);
    /// Removes the selected object: a refusal, or a confirmation dialog whose Yes removes it.
    void removeSelected();
    /// The uid removals are checked against (default: the effective uid).
    void setUser(unsigned euid) { m_euid = euid; }

    IpcTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* removeButton() const { return m_remove; }
    /// The confirmation dialog while it is open, else nullptr.
    QMessageBox* pendingConfirmation() const { return m_confirmation; }
    /// What the last removal attempt came to, in the words the user was shown.
    QString lastOutcome() const { return m_lastOutcome; }
    QString limitsText() const;

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    std::optional<IpcObject> selected() const;
    void confirmRemoval(const IpcObject& object);
    void removeNow(const IpcObject& object);
    void report(const QString& text, bool problem);

    IpcTableModel* m_model;
    QTableView* m_table;
    QPushButton* m_remove;
    QLabel* m_status;
    QLabel* m_limits;
    QTimer m_timer;
    QPointer<QMessageBox> m_confirmation;
    QString m_lastOutcome;
    unsigned m_euid;
};

} // namespace ipclab
