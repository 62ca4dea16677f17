#include "gui/classroom/classroom_options.h"
#include "gui/lab/param_panel.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/repeat/outcome_histogram_panel.h"
#include "gui/replay/run_replay.h"
#include "gui/run/centre_tabs.h"
#include "gui/shell/app_style.h"
#include "gui/shell/bench_view_opener.h"
#include "gui/shell/main_window.h"
#include "gui/shell/quit_signals.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_view.h"

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
    if (name == QLatin1String("runs")) {
        window.keepSyncTabBack();
        window.centre()->setCurrentWidget(window.outcomes());
        return true;
    }
    const std::optional<ipclab::CentreTabs::Tab> tab = parseTab(name);
    if (!tab) {
        std::fprintf(stderr, "ipclab: --tab must be stage, sync, memory, ipcs or runs, not '%s'\n", qPrintable(name));
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

/// Once the run has ended, replays its recording up to `text` percent of its events; false
/// (after saying why) when `text` is not a whole number from 0 to 100.
bool scheduleReplay(ipclab::MainWindow& window, const QString& text) {
    bool number = false;
    const int percent = text.toInt(&number);
    if (!number || percent < 0 || percent > 100) {
        std::fprintf(stderr, "ipclab: --replay-at wants a percentage from 0 to 100, not '%s'\n", qPrintable(text));
        return false;
    }
    // Queued, so that it comes after the screenshot's own scrolling: the rebuilt stage then
    // follows the replay's newest row.
    QObject::connect(&window, &ipclab::MainWindow::runEnded, &window, [&window, percent] {
        QTimer::singleShot(0, &window,
                           [&window, percent] { window.replay()->seek(window.replay()->count() * percent / 100); });
    });
    return true;
}

void saveAndQuit(ipclab::MainWindow& window, const QString& file) {
    const bool saved = window.grab().save(file);
    std::fprintf(stderr, saved ? "ipclab: saved %s\n" : "ipclab: could not save %s\n", qPrintable(file));
    QApplication::exit(saved ? 0 : 1);
}

/// The Many runs tab: runs the series instead of one traced run, and saves the window after it.
void scheduleSeriesScreenshot(ipclab::MainWindow& window, const QString& file) {
    QObject::connect(window.outcomes(), &ipclab::OutcomeHistogramPanel::seriesFinished, &window, [&window, file] {
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] { saveAndQuit(window, file); });
    });
    QTimer::singleShot(300, &window, [&window] {
        if (!window.outcomes()->start()) {
            std::fprintf(stderr, "ipclab: --tab runs repeats the shared-counter scenarios only (e.g. lost-updates)\n");
            QApplication::exit(2);
        }
    });
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
    const ipclab::QuitSignals quitSignals;

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
    const QCommandLineOption scenario(
        QStringLiteral("scenario"), QStringLiteral("Open on scenario or explanation page <id>."), QStringLiteral("id"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QStringLiteral("Show and keep tab stage, sync, memory, ipcs or runs (Many runs)."),
                                 QStringLiteral("tab"));
    const QCommandLineOption param(QStringLiteral("param"), QStringLiteral("Set a parameter, e.g. processes=3."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption replayAt(QStringLiteral("replay-at"),
                                      QStringLiteral("Once the run has finished, replay it up to <percent> of its "
                                                     "recorded events (e.g. for --screenshot)."),
                                      QStringLiteral("percent"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QStringLiteral("Open view bench (It depends, §7–§9) in its own window; with "
                                                 "--screenshot, save that window."),
                                  QStringLiteral("view"));
    const QCommandLineOption benchMode(QStringLiteral("bench-mode"),
                                       QStringLiteral("With --view bench: show reused, throughput, setup or one-time."),
                                       QStringLiteral("mode"));
    parser.addOptions({mode, screenshot, after, scenario, tab, param, replayAt, view, benchMode});
    const ipclab::ClassroomOptions classroom;
    classroom.addTo(parser);
    parser.process(app);
    const std::optional<ipclab::PaceMode> startMode = parseMode(parser.value(mode));
    if (!startMode) {
        std::fprintf(stderr, "ipclab: --mode must be watch, step or full, not '%s'\n", qPrintable(parser.value(mode)));
        return 2;
    }

    ipclab::MainWindow window;
    if (parser.isSet(scenario) && !window.scenarioList()->selectScenario(parser.value(scenario))) {
        std::fprintf(stderr, "ipclab: there is no scenario or page '%s' (ipclab-cli list shows them)\n",
                     qPrintable(parser.value(scenario)));
        return 2;
    }
    if (!applyParams(window, parser.values(param)) || (parser.isSet(tab) && !pinTab(window, parser.value(tab)))) {
        return 2;
    }
    // Before the screenshot is scheduled, so that the replay is in place when the window is grabbed.
    if (parser.isSet(replayAt) && !scheduleReplay(window, parser.value(replayAt))) {
        return 2;
    }
    if (parser.isSet(view) && parser.value(view) != QLatin1String("bench")) {
        std::fprintf(stderr, "ipclab: --view must be bench, not '%s'\n", qPrintable(parser.value(view)));
        return 2;
    }
    if (!classroom.apply(parser, *window.classroom())) {
        return 2;
    }
    window.controls()->setMode(*startMode);
    window.show();
    if (parser.isSet(view)) {
        if (!ipclab::openBenchView(window, parser.value(screenshot), parser.value(after).toInt(),
                                   parser.value(benchMode))) {
            return 2;
        }
    } else if (parser.isSet(screenshot) && classroom.showsQuiz(parser)) {
        const QString file = parser.value(screenshot);
        classroom.scheduleQuizScreenshot(parser, *window.classroom(), [&window, file] { saveAndQuit(window, file); });
    } else if (parser.isSet(screenshot) && window.showingPage()) {
        // An explanation page has nothing to run: it is saved once it has been laid out.
        const QString file = parser.value(screenshot);
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] { saveAndQuit(window, file); });
    } else if (parser.isSet(screenshot) && parser.value(tab) == QLatin1String("runs")) {
        scheduleSeriesScreenshot(window, parser.value(screenshot));
    } else if (parser.isSet(screenshot)) {
        scheduleScreenshot(window, parser.value(screenshot), parser.value(after).toInt());
    }
    return QApplication::exec();
}
