#pragma once

#include "scenario/scenario.h"

#include <QWidget>
#include <vector>

class QFormLayout;
class QSpinBox;

namespace ipclab {

/// One spin box per parameter of the current scenario, limited to the parameter's range, with
/// its help as tooltip. GUI thread only.
class ParamPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParamPanel(QWidget* parent = nullptr);

    /// Rebuilds the boxes for `scenario`, each at its default.
    void setScenario(const Scenario& scenario);
    /// The values as set, every parameter present.
    ParamValues values() const;
    /// Sets one value (clamped to its range); false when the scenario has no such parameter.
    bool setValue(const std::string& name, std::int64_t value);

private:
    struct Field {
        std::string name;
        QSpinBox* box = nullptr;
    };

    QFormLayout* m_form;
    std::vector<Field> m_fields;
};

} // namespace ipclab
