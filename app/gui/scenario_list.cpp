#include "gui/scenario_list.h"

#include "gui/text_format.h"
#include "scenario/lesson_sections.h"

#include <QHeaderView>
#include <map>

namespace ipclab {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

ScenarioList::ScenarioList(QWidget* parent) : QTreeWidget(parent) {
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setWordWrap(true);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (current != nullptr && current->data(0, kIdRole).isValid()) {
            emit scenarioSelected(current->data(0, kIdRole).toString());
        }
    });
}

QString ScenarioList::sectionTitle(int section) {
    const QString title = QString::fromUtf8(lessonSectionTitle(section));
    return title.isEmpty() ? tr("Section %1").arg(section) : title;
}

void ScenarioList::setScenarios(const std::vector<Scenario>& scenarios) {
    clear();
    std::map<int, QTreeWidgetItem*> sections;
    for (const Scenario& scenario : scenarios) {
        QTreeWidgetItem*& group = sections[scenario.section];
        if (group == nullptr) {
            group = new QTreeWidgetItem(this, {tr("§%1 %2").arg(scenario.section).arg(sectionTitle(scenario.section))});
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        auto* item = new QTreeWidgetItem(group, {fromStd(scenario.title)});
        item->setData(0, kIdRole, fromStd(scenario.id));
        item->setToolTip(0, fromStd(scenario.summary));
    }
    expandAll();
}

bool ScenarioList::selectScenario(const QString& id) {
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        if ((*it)->data(0, kIdRole).toString() == id) {
            setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QString ScenarioList::selectedId() const {
    const QTreeWidgetItem* current = currentItem();
    return current != nullptr ? current->data(0, kIdRole).toString() : QString();
}

} // namespace ipclab
