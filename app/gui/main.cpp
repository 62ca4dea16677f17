#include "gui/app_style.h"
#include "gui/centre_tabs.h"
#include "gui/main_window.h"
#include "gui/param_panel.h"
#include "gui/run_controls.h"
#include "gui/scenario_list.h"
#include "gui/stage_panel.h"
#include "gui/stage_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>
#include <optional>

namespace {

constexpr int kScreenshotSettleMs = 900; ///< lets the last copy blocks land before the grab
constexpr int kScreenshotTimeoutMs = 120000;

std::optional<ipclab::PaceMode> parseMode(const QString& text) {
    if (text == QLatin1String("watch")) {
        return ipclab::PaceMode::Watch;
    }
    if (text == QLatin1String("step")) {
        return ipclab::PaceMode::Step;
    }
    if (text == QLatin1String("full")) {
        return ipclab::PaceMode::Free;
    }
    return std::nullopt;
}

std::optional<ipclab::CentreTabs::Tab> parseTab(const QString& text) {
    if (text == QLatin1String("stage")) {
        return ipclab::CentreTabs::Tab::Stage;
    }
    if (text == QLatin1String("memory")) {
        return ipclab::CentreTabs::Tab::Memory;
    }
    if (text == QLatin1String("ipcs")) {
        return ipclab::CentreTabs::Tab::Ipcs;
    }
    return std::nullopt;
}

/// Shows the tab called `name` and keeps it there; false (after saying why) when there is none.
bool pinTab(ipclab::MainWindow& window, const QString& name) {
    // The sync timeline sits in the centre tabs but belongs to the main window, which pins it.
    if (name == QLatin1String("sync")) {
        window.pinSyncTab();
        return true;
    }
    const std::optional<ipclab::CentreTabs::Tab> tab = parseTab(name);
    if (!tab) {
        std::fprintf(stderr, "ipclab: --tab must be stage, sync, memory or ipcs, not '%s'\n", qPrintable(name));
        return false;
    }
    window.centre()->pin(*tab);
    window.keepSyncTabBack();
    return true;
}

/// Applies "name=value" settings to the open scenario; false (after saying why) on a bad one.
bool applyParams(ipclab::MainWindow& window, const QStringList& settings) {
    for (const QString& setting : settings) {
        const qsizetype equals = setting.indexOf(QLatin1Char('='));
        bool number = false;
        const qlonglong value = equals > 0 ? setting.mid(equals + 1).toLongLong(&number) : 0;
        if (!number || !window.params()->setValue(setting.left(equals).toStdString(), value)) {
            std::fprintf(stderr, "ipclab: --param wants name=number for a parameter of this scenario, not '%s'\n",
                         qPrintable(setting));
            return false;
        }
    }
    return true;
}

void saveAndQuit(ipclab::MainWindow& window, const QString& file) {
    const bool saved = window.grab().save(file);
    std::fprintf(stderr, saved ? "ipclab: saved %s\n" : "ipclab: could not save %s\n", qPrintable(file));
    QApplication::exit(saved ? 0 : 1);
}

/// Runs the selected scenario and saves the window to `file`: after `afterMs` when given (a run
/// in progress), else once the run ended, scrolled to where setup and transfer begin.
void scheduleScreenshot(ipclab::MainWindow& window, const QString& file, int afterMs) {
    if (afterMs > 0) {
        QTimer::singleShot(afterMs, &window, [&window, file] { saveAndQuit(window, file); });
    } else {
        QObject::connect(&window, &ipclab::MainWindow::runEnded, &window, [&window, file] {
            window.stage()->view()->revealPhase(ipclab::Phase::Setup);
            QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] { saveAndQuit(window, file); });
        });
    }
    QTimer::singleShot(300, &window, [&window] { window.startRun(); });
    QTimer::singleShot(kScreenshotTimeoutMs, &window, [] {
        std::fprintf(stderr, "ipclab: the run did not finish in time\n");
        QApplication::exit(1);
    });
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ipclab"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    ipclab::applyAppStyle(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A lab for inter-process communication on Linux"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("Start in mode watch, step or full."),
                                  QStringLiteral("mode"), QStringLiteral("watch"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Run the scenario, save the window to <file>, quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption after(QStringLiteral("screenshot-after"),
                                   QStringLiteral("Take the screenshot <ms> after the run started, not at its end."),
                                   QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("Open on scenario <id>."),
                                      QStringLiteral("id"));
    const QCommandLineOption tab(
        QStringLiteral("tab"), QStringLiteral("Show and keep tab stage, sync, memory or ipcs."), QStringLiteral("tab"));
    const QCommandLineOption param(QStringLiteral("param"), QStringLiteral("Set a parameter, e.g. processes=3."),
                                   QStringLiteral("name=value"));
    parser.addOptions({mode, screenshot, after, scenario, tab, param});
    parser.process(app);
    const std::optional<ipclab::PaceMode> startMode = parseMode(parser.value(mode));
    if (!startMode) {
        std::fprintf(stderr, "ipclab: --mode must be watch, step or full, not '%s'\n", qPrintable(parser.value(mode)));
        return 2;
    }

    ipclab::MainWindow window;
    if (parser.isSet(scenario) && !window.scenarioList()->selectScenario(parser.value(scenario))) {
        std::fprintf(stderr, "ipclab: there is no scenario '%s' (ipclab-cli list shows them)\n",
                     qPrintable(parser.value(scenario)));
        return 2;
    }
    if (!applyParams(window, parser.values(param)) || (parser.isSet(tab) && !pinTab(window, parser.value(tab)))) {
        return 2;
    }
    window.controls()->setMode(*startMode);
    window.show();
    if (parser.isSet(screenshot)) {
        scheduleScreenshot(window, parser.value(screenshot), parser.value(after).toInt());
    }
    return QApplication::exec();
}
