#include "gui/bridge/session_controller.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/shell/main_window.h"
#include "gui/tables/measurement_model.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QTest>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

TEST(MeasurementModel, PassesTheModelTesterAndShowsPlacementWithEveryFigure) {
    MeasurementModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setMeasurements(
        {Measurement{"round trip, Unix stream socket", 3.52, "µs", "both on CPU 0", "2000 round trips"},
         Measurement{"round trip, TCP over loopback", 4.48, "µs", "both on CPU 0", "2000 round trips"}});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(0, MeasurementModel::Value)).toString(), QStringLiteral("3.5 µs"));
    EXPECT_EQ(model.data(model.index(1, MeasurementModel::Placement)).toString(), QStringLiteral("both on CPU 0"));
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(MainWindow, TheTcpScenarioShowsItsUntracedFiguresWithTheirPlacement) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    window.show();
    ASSERT_TRUE(window.scenarioList()->selectScenario(QStringLiteral("tcp-request-response")));
    window.controls()->setMode(PaceMode::Free);
    window.controls()->runButton()->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, 120000));
    ASSERT_TRUE(window.lastResult().has_value());
    ASSERT_TRUE(window.lastResult()->succeeded) << window.lastResult()->failure;
    const MeasurementModel* figures = window.measurements();
    ASSERT_GE(figures->rowCount(), 2) << "Unix and TCP, side by side";
    for (int row = 0; row < figures->rowCount(); ++row) {
        EXPECT_FALSE(figures->data(figures->index(row, MeasurementModel::Placement)).toString().isEmpty());
        EXPECT_TRUE(
            figures->data(figures->index(row, MeasurementModel::Value)).toString().endsWith(QStringLiteral("µs")));
    }
}

} // namespace
} // namespace ipclab
