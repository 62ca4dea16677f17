#include "gui/lab/scenario_folder.h"

#include "gui/common/text_format.h"

#include <QCoreApplication>

namespace ipclab {

QString FolderLoadReport::summary(const QString& dir) const {
    QString text = QCoreApplication::translate("ScenarioFolder", "Added %1 scenario(s) and %2 page(s) from %3.")
                       .arg(scenariosAdded)
                       .arg(pagesAdded)
                       .arg(dir);
    if (!problems.isEmpty()) {
        text += QCoreApplication::translate("ScenarioFolder", " %1 file(s) did not load.").arg(problems.size());
    }
    return text;
}

FolderLoadReport addScenarioFolder(ScenarioCatalog& catalog, const QString& dir) {
    const std::size_t scenariosBefore = catalog.scenarios().size();
    const std::size_t pagesBefore = catalog.pages().size();
    const std::size_t errorsBefore = catalog.errors().size();
    catalog.addDirectory(dir.toStdString());

    FolderLoadReport report;
    report.scenariosAdded = static_cast<int>(catalog.scenarios().size() - scenariosBefore);
    report.pagesAdded = static_cast<int>(catalog.pages().size() - pagesBefore);
    for (std::size_t i = errorsBefore; i < catalog.errors().size(); ++i) {
        report.problems << fromStd(catalog.errors()[i]);
    }
    return report;
}

} // namespace ipclab
