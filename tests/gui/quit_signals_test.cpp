// SIGTERM to the real app in the middle of a run: it closes like its window would, and leaves
// none of the run's objects behind.
#include "../common/ipc_leftovers.h"

#include <QProcess>
#include <QTest>
#include <filesystem>
#include <gtest/gtest.h>
#include <string>

namespace ipclab {
namespace {

TEST(QuitSignals, SigtermMidRunStopsItAndRemovesItsObjects) {
    QProcess app;
    app.setProgram(QStringLiteral(IPCLAB_TEST_APP));
    // Watch mode paces every call, so the run is surely under way, its segment made, when the signal comes.
    app.setArguments({"--scenario", "sysv-shm", "--mode", "watch", "--screenshot", "/dev/null"});
    app.start();
    ASSERT_TRUE(app.waitForStarted(10000));
    const qint64 pid = app.processId();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !test::namesMadeBy(pid).empty(); }, 30000))
        << "the run never created its folder";
    app.terminate(); // SIGTERM
    ASSERT_TRUE(app.waitForFinished(30000));
    EXPECT_EQ(app.exitStatus(), QProcess::NormalExit) << "SIGTERM killed the app instead of closing it";
    const auto left = test::namesMadeBy(pid);
    EXPECT_TRUE(left.empty()) << left.front();
}

} // namespace
} // namespace ipclab
