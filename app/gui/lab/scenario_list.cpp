#include "gui/lab/scenario_list.h"

#include "gui/common/text_format.h"
#include "scenario/lesson_sections.h"

#include <QHeaderView>
#include <QStyle>
#include <QTreeWidgetItemIterator>
#include <vector>

namespace ipclab {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kPageRole = Qt::UserRole + 2;
constexpr int kSectionRole = Qt::UserRole + 3;
} // namespace

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
    setEntries(scenarios, {});
}

QTreeWidgetItem* ScenarioList::sectionItem(int section) {
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, kSectionRole).toInt() == section) {
            return topLevelItem(i);
        }
    }
    auto* group = new QTreeWidgetItem({tr("§%1 %2").arg(section).arg(sectionTitle(section))});
    group->setData(0, kSectionRole, section);
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    int at = 0;
    while (at < topLevelItemCount() && topLevelItem(at)->data(0, kSectionRole).toInt() < section) {
        ++at;
    }
    insertTopLevelItem(at, group);
    return group;
}

void ScenarioList::setEntries(const std::vector<Scenario>& scenarios, const std::vector<LessonPage>& pages) {
    clear();
    // Pages first: within a section, the explanation comes before the experiments.
    for (const LessonPage& page : pages) {
        auto* item = new QTreeWidgetItem(sectionItem(page.section), {fromStd(page.title)});
        item->setData(0, kIdRole, fromStd(page.id));
        item->setData(0, kPageRole, true);
        item->setIcon(0, style()->standardIcon(QStyle::SP_FileDialogInfoView));
        QFont italic = item->font(0);
        italic.setItalic(true);
        item->setFont(0, italic);
        item->setToolTip(0, tr("Explanation page: %1").arg(fromStd(page.summary)));
    }
    for (const Scenario& scenario : scenarios) {
        auto* item = new QTreeWidgetItem(sectionItem(scenario.section), {fromStd(scenario.title)});
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

void ScenarioList::stepSelection(int delta) {
    std::vector<QTreeWidgetItem*> entries; // leaves only: section headings are not scenarios
    int current = -1;
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        if ((*it)->childCount() == 0) {
            if (*it == currentItem()) {
                current = static_cast<int>(entries.size());
            }
            entries.push_back(*it);
        }
    }
    const int target = current + delta;
    if (target >= 0 && target < static_cast<int>(entries.size())) {
        setCurrentItem(entries[static_cast<std::size_t>(target)]);
    }
}

QString ScenarioList::selectedId() const {
    const QTreeWidgetItem* current = currentItem();
    return current != nullptr ? current->data(0, kIdRole).toString() : QString();
}

bool ScenarioList::isPage(const QString& id) const {
    // Two levels only: sections, and the entries under them.
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* section = topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j) {
            if (section->child(j)->data(0, kIdRole).toString() == id) {
                return section->child(j)->data(0, kPageRole).toBool();
            }
        }
    }
    return false;
}

} // namespace ipclab
