#include "gui/tables/event_log_model.h"
#include "test_events.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

using test::call;

QString cell(const EventLogModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

TEST(EventLogModel, PassesTheModelTesterWhileGrowingAndClearing) {
    test::WarningCollector warnings;
    EventLogModel model;
    test::Feeder feed(model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    feed({test::started(100, "P1", "client"), test::started(200, "P2", "server")});
    feed(test::roundTrip(4096));
    feed({});
    feed.clear();
    feed(test::roundTrip(1));
    EXPECT_TRUE(warnings.warnings().empty()) << warnings.warnings().front();
}

TEST(EventLogModel, OneRowPerFinishedCallWithItsColumns) {
    EventLogModel model;
    test::Feeder feed(model);
    feed({test::started(100, "P1", "client"), test::started(200, "P2", "server")});
    ASSERT_EQ(model.rowCount(), 2);
    feed(test::roundTrip(4096));
    // Entries are drawn on the stage; the log holds the four finished calls.
    ASSERT_EQ(model.rowCount(), 6);
    ASSERT_EQ(model.columnCount(), EventLogModel::ColumnCount);

    const SyscallRecord write = call(100, "write", Phase::Transfer, CopyDirection::UserToKernel, 4096, 5);
    EXPECT_EQ(cell(model, 2, EventLogModel::Process), "P1");
    EXPECT_EQ(cell(model, 2, EventLogModel::Call), QString::fromStdString(write.callText()));
    EXPECT_EQ(cell(model, 2, EventLogModel::Result), QString::fromStdString(write.resultText()));
    EXPECT_EQ(cell(model, 2, EventLogModel::PhaseColumn), "transfer");
    EXPECT_TRUE(cell(model, 2, EventLogModel::Bytes).startsWith("4,096 "))
        << cell(model, 2, EventLogModel::Bytes).toStdString();
    EXPECT_EQ(cell(model, 3, EventLogModel::Process), "P2");
    EXPECT_TRUE(cell(model, 3, EventLogModel::Bytes).contains("process"));
}

TEST(EventLogModel, CallsWithoutCopiesLeaveBytesEmptyAndUnknownPidsAreNamed) {
    EventLogModel model;
    test::Feeder feed(model);
    feed({test::exited(call(300, "close", Phase::Teardown, CopyDirection::None, 0, 5))});
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(cell(model, 0, EventLogModel::Process), "pid 300");
    EXPECT_TRUE(cell(model, 0, EventLogModel::Bytes).isEmpty());
    EXPECT_EQ(cell(model, 0, EventLogModel::PhaseColumn), "teardown");
}

TEST(EventLogModel, NoticesAndPhaseChangesAreLogged) {
    EventLogModel model;
    test::Feeder feed(model);
    feed({test::notice("kernel observation is unavailable: ptrace refused"), test::phaseChanged(100, Phase::Transfer),
          test::sample("request pipe", 1, 2)});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_TRUE(cell(model, 0, EventLogModel::Call).contains("ptrace refused"));
    EXPECT_EQ(cell(model, 1, EventLogModel::PhaseColumn), "transfer");
}

} // namespace
} // namespace ipclab
