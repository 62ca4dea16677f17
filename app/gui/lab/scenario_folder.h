#pragma once

#include "scenario/scenario_catalog.h"

#include <QString>
#include <QStringList>

namespace ipclab {

/// What adding one folder of scenario files to a catalogue did.
struct FolderLoadReport {
    int scenariosAdded = 0;
    int pagesAdded = 0;
    QStringList problems; ///< one per file that did not load: "file:line:column: field '...': ..."

    /// One line for the status bar: how much was added from `dir`, and how many files failed.
    QString summary(const QString& dir) const;
};

/// Adds the scenarios and pages in `dir` (and `dir`/pages) to `catalog`, and reports only what
/// this folder added and which of its files failed. Pointers into the catalogue's lists may be
/// invalid afterwards.
FolderLoadReport addScenarioFolder(ScenarioCatalog& catalog, const QString& dir);

} // namespace ipclab
