#include "gui/app_style.h"
#include "gui/main_window.h"
#include "gui/run_controls.h"
#include "gui/stage_panel.h"
#include "gui/stage_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

namespace {

constexpr int kScreenshotSettleMs = 900; ///< lets the last copy blocks land before the grab
constexpr int kScreenshotTimeoutMs = 120000;

/// --screenshot FILE: runs the default scenario at full speed, shows the transfer phase (the
/// lesson's point) on the stage, saves the window, quits.
void scheduleScreenshot(ipclab::MainWindow& window, const QString& file) {
    window.controls()->setMode(ipclab::PaceMode::Free);
    QObject::connect(&window, &ipclab::MainWindow::runEnded, &window, [&window, file] {
        window.stage()->view()->revealPhase(ipclab::Phase::Transfer);
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            std::fprintf(stderr, saved ? "ipclab: saved %s\n" : "ipclab: could not save %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    });
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
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Run the default scenario, save the window to <file>, quit."),
                                        QStringLiteral("file"));
    parser.addOption(screenshot);
    parser.process(app);

    ipclab::MainWindow window;
    window.show();
    if (parser.isSet(screenshot)) {
        scheduleScreenshot(window, parser.value(screenshot));
    }
    return QApplication::exec();
}
