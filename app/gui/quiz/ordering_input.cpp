#include "gui/quiz/ordering_input.h"

#include "gui/common/text_format.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ipclab {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

OrderingInput::OrderingInput(const Question& question, QWidget* parent)
    : QuestionInput(parent), m_list(new QListWidget(this)), m_up(new QPushButton(tr("Up"), this)),
      m_down(new QPushButton(tr("Down"), this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setAlternatingRowColors(true);
    m_list->setToolTip(tr("Drag the events into the order they happen, first at the top"));
    for (const Choice& event : question.events) {
        auto* item = new QListWidgetItem(fromStd(event.text), m_list);
        item->setData(kIdRole, QString::fromStdString(event.id));
    }
    m_list->setCurrentRow(0);
    m_list->setMinimumHeight(m_list->sizeHintForRow(0) * (m_list->count() + 1) + 8);
    auto* buttons = new QVBoxLayout;
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRow(m_list->currentRow(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRow(m_list->currentRow(), +1); });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &QuestionInput::edited);
}

Answer OrderingInput::answer() const {
    Answer answer;
    for (int row = 0; row < m_list->count(); ++row) {
        answer.parts.push_back(m_list->item(row)->data(kIdRole).toString().toStdString());
    }
    return answer;
}

void OrderingInput::setLocked(bool locked) {
    m_list->setDragDropMode(locked ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
    m_up->setEnabled(!locked);
    m_down->setEnabled(!locked);
}

void OrderingInput::moveRow(int from, int delta) {
    const int to = from + delta;
    if (from < 0 || from >= m_list->count() || to < 0 || to >= m_list->count()) {
        return;
    }
    QListWidgetItem* item = m_list->takeItem(from);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    emit edited();
}

void OrderingInput::setAnswer(const Answer& answer) {
    int target = 0;
    for (const std::string& id : answer.parts) {
        for (int row = target; row < m_list->count(); ++row) {
            if (m_list->item(row)->data(kIdRole).toString().toStdString() == id) {
                m_list->insertItem(target++, m_list->takeItem(row));
                break;
            }
        }
    }
}

} // namespace ipclab
