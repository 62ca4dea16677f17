#include "gui/ipcs/ipcs_panel.h"

#include "gui/common/text_format.h"
#include "gui/ipcs/ipc_table_model.h"
#include "gui/ipcs/ipcs_text.h"
#include "ipcs/ipc_remover.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <unistd.h>

namespace ipclab {

namespace {
constexpr int kRefreshMs = 1000; ///< reading /proc takes well under a millisecond
} // namespace

IpcsPanel::IpcsPanel(QWidget* parent)
    : QWidget(parent), m_model(new IpcTableModel(this)), m_table(new QTableView(this)),
      m_remove(new QPushButton(tr("Remove…"), this)), m_status(new QLabel(this)), m_limits(new QLabel(this)),
      m_euid(static_cast<unsigned>(::geteuid())) {
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Columns as wide as what they hold; the key or name takes what is left (POSIX names are long).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(IpcTableModel::KeyColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_remove->setToolTip(tr("Remove the selected object, like ipcrm (System V) or rm /dev/shm/… (POSIX)"));
    m_status->setWordWrap(true);
    m_limits->setWordWrap(true);
    m_limits->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* intro = new QLabel(tr("What ipcs lists: the kernel's System V IPC tables (/proc/sysvipc) and the POSIX "
                                "shared-memory objects in /dev/shm. Objects stay here until removed, even when no "
                                "process uses them."),
                             this);
    intro->setWordWrap(true);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_remove);
    actions->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(m_limits);

    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &IpcsPanel::refresh);
    connect(m_remove, &QPushButton::clicked, this, &IpcsPanel::removeSelected);
    refresh();
}

void IpcsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void IpcsPanel::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    m_timer.stop();
}

void IpcsPanel::refresh() {
    const std::optional<IpcObject> keep = selected();
    m_model->setObjects(readIpcObjects());
    if (keep && !m_table->selectionModel()->hasSelection()) {
        selectObject(*keep);
    }
    m_limits->setText(limitsText());
}

QString IpcsPanel::limitsText() const {
    return ipcs_text::limits(IpcLimits::read());
}

bool IpcsPanel::selectObject(const IpcObject& object) {
    const std::optional<int> row = m_model->rowOf(object);
    if (!row) {
        return false;
    }
    m_table->selectRow(*row);
    return true;
}

std::optional<IpcObject> IpcsPanel::selected() const {
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const IpcObject* object = rows.isEmpty() ? nullptr : m_model->objectAt(rows.front().row());
    return object != nullptr ? std::optional<IpcObject>(*object) : std::nullopt;
}

void IpcsPanel::removeSelected() {
    const std::optional<IpcObject> object = selected();
    if (!object) {
        report(tr("Select an object in the table first."), false);
        return;
    }
    if (const std::optional<std::string> refusal = removalRefusal(*object, m_euid)) {
        report(fromStd(*refusal), true);
        return;
    }
    confirmRemoval(*object);
}

void IpcsPanel::confirmRemoval(const IpcObject& object) {
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove this IPC object?"), ipcs_text::confirmation(object),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, object] {
        const bool yes = box->clickedButton() == box->button(QMessageBox::Yes);
        m_confirmation = nullptr;
        if (yes) {
            removeNow(object);
        } else {
            report(tr("Kept %1.").arg(fromStd(describeIpcObject(object))), false);
        }
    });
    m_confirmation = box;
    box->open();
}

void IpcsPanel::removeNow(const IpcObject& object) {
    // The table may be a second old: remove what the kernel lists now, or say it is gone.
    const std::vector<IpcObject> now = readIpcObjects();
    const auto current =
        std::find_if(now.begin(), now.end(), [&](const IpcObject& listed) { return sameIpcObject(listed, object); });
    if (current == now.end()) {
        report(tr("%1 is gone already.").arg(fromStd(describeIpcObject(object))), false);
    } else {
        const RemovalResult result = removeIpcObject(*current);
        report(fromStd(result.message), !result.ok);
    }
    refresh();
}

void IpcsPanel::report(const QString& text, bool problem) {
    m_lastOutcome = text;
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color:#7a1a10;") : QString());
    if (problem) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Not removed"), text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

} // namespace ipclab
