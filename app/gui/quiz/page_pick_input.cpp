#include "gui/quiz/page_pick_input.h"

#include "gui/common/text_format.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ipclab {

namespace {

constexpr int kIdRole = Qt::UserRole;

QString hex(std::uint64_t value) {
    return QStringLiteral("0x%1").arg(value, 0, 16);
}

} // namespace

PagePickInput::PagePickInput(const Question& question, QWidget* parent)
    : QuestionInput(parent), m_table(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    m_table->setHeaderLabels({tr("Process"), tr("Virtual page"), tr("Physical frame"), tr("Belongs to")});
    for (const PageOption& page : question.pages) {
        // A hidden frame is said to be hidden, never guessed.
        const QString frame = page.frame ? hex(*page.frame) : tr("not shown by the kernel");
        auto* item =
            new QTreeWidgetItem(m_table, {fromStd(page.process), hex(page.address), frame, fromStd(page.region)});
        item->setData(0, kIdRole, QString::fromStdString(page.id));
    }
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(160);
    layout->addWidget(m_table);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, &QuestionInput::edited);
}

Answer PagePickInput::answer() const {
    const QTreeWidgetItem* item = m_table->currentItem();
    if (item == nullptr || !item->isSelected()) {
        return {};
    }
    return Answer{{item->data(0, kIdRole).toString().toStdString()}};
}

bool PagePickInput::complete() const {
    return !answer().parts.empty();
}

void PagePickInput::setLocked(bool locked) {
    m_table->setSelectionMode(locked ? QAbstractItemView::NoSelection : QAbstractItemView::SingleSelection);
}

void PagePickInput::setAnswer(const Answer& answer) {
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_table->topLevelItem(row);
        if (!answer.parts.empty() && item->data(0, kIdRole).toString().toStdString() == answer.parts.front()) {
            m_table->setCurrentItem(item);
            item->setSelected(true);
        }
    }
}

} // namespace ipclab
