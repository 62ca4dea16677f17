#pragma once

#include "scenario/lesson_page.h"
#include "scenario/scenario.h"

#include <QTreeWidget>
#include <vector>

namespace ipclab {

/// The scenarios and explanation pages grouped under the lesson section they teach ("§4
/// Message-based IPC"); within a section the pages come first and are marked as pages.
/// GUI thread only.
class ScenarioList : public QTreeWidget {
    Q_OBJECT
public:
    explicit ScenarioList(QWidget* parent = nullptr);

    void setScenarios(const std::vector<Scenario>& scenarios);
    /// Lists scenarios and pages together, each list sorted by section as the catalogue keeps them.
    void setEntries(const std::vector<Scenario>& scenarios, const std::vector<LessonPage>& pages);
    /// Selects the scenario or page with `id`; false when there is none.
    bool selectScenario(const QString& id);
    /// Selects the entry `delta` entries after (negative: before) the current one, if there is
    /// one; section headings are skipped, as they are not scenarios.
    void stepSelection(int delta);
    /// The id of the selected scenario or page, or empty.
    QString selectedId() const;
    /// True when `id` is listed as an explanation page.
    bool isPage(const QString& id) const;

    /// The lesson's heading for `section` ("Message-based IPC"), or "Section N" outside the lesson.
    static QString sectionTitle(int section);

private:
    QTreeWidgetItem* sectionItem(int section);

signals:
    /// A scenario or a page was selected.
    void scenarioSelected(const QString& id);
};

} // namespace ipclab
