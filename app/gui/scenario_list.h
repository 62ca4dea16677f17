#pragma once

#include "scenario/scenario.h"

#include <QTreeWidget>
#include <vector>

namespace ipclab {

/// The scenarios grouped under the lesson section they teach ("§4 Message-based IPC").
/// GUI thread only.
class ScenarioList : public QTreeWidget {
    Q_OBJECT
public:
    explicit ScenarioList(QWidget* parent = nullptr);

    void setScenarios(const std::vector<Scenario>& scenarios);
    /// Selects the scenario with `id`; false when there is none.
    bool selectScenario(const QString& id);
    /// The id of the selected scenario, or empty.
    QString selectedId() const;

    /// The lesson's heading for `section` ("Message-based IPC"), or "Section N" outside the lesson.
    static QString sectionTitle(int section);

signals:
    void scenarioSelected(const QString& id);
};

} // namespace ipclab
