#include "gui/lab/param_panel.h"

#include "gui/common/text_format.h"

#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>
#include <limits>

namespace ipclab {

namespace {

int toInt(std::int64_t value) {
    // QSpinBox holds an int; every parameter we ship fits, larger ranges are clamped for display.
    return static_cast<int>(
        std::clamp<std::int64_t>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

QString suffixFor(const ParamSpec& spec) {
    if (spec.unit == "bytes") {
        return QStringLiteral(" B");
    }
    return {};
}

} // namespace

ParamPanel::ParamPanel(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this)) {
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void ParamPanel::setScenario(const Scenario& scenario) {
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_fields.clear();
    for (const ParamSpec& spec : scenario.params) {
        auto* box = new QSpinBox(this);
        box->setRange(toInt(spec.min), toInt(spec.max));
        box->setValue(toInt(spec.defaultValue));
        box->setSuffix(suffixFor(spec));
        box->setGroupSeparatorShown(true);
        box->setAccelerated(true);
        const QString help = fromStd(spec.help);
        box->setToolTip(help);
        auto* label = new QLabel(fromStd(spec.label), this);
        label->setToolTip(help);
        label->setBuddy(box);
        m_form->addRow(label, box);
        m_fields.push_back({spec.name, box});
    }
}

ParamValues ParamPanel::values() const {
    ParamValues values;
    for (const Field& field : m_fields) {
        values[field.name] = field.box->value();
    }
    return values;
}

bool ParamPanel::setValue(const std::string& name, std::int64_t value) {
    const auto found =
        std::find_if(m_fields.begin(), m_fields.end(), [&](const Field& field) { return field.name == name; });
    if (found == m_fields.end()) {
        return false;
    }
    found->box->setValue(toInt(value));
    return true;
}

} // namespace ipclab
