#include "gui/tables/counter_model.h"
#include "test_events.h"

#include <QAbstractItemModelTester>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

using test::call;

std::vector<Event> threeRoundTripsWithSetupAndTeardown() {
    std::vector<Event> events{test::started(100, "P1", "client"), test::started(200, "P2", "server")};
    // As the session emits them: every call enters, then exits.
    const auto add = [&events](const SyscallRecord& record) {
        events.push_back(test::entered(record));
        events.push_back(test::exited(record));
    };
    // The observer's start-up is not the lesson's IPC: counted nowhere in the table.
    add(call(100, "read", Phase::Startup, CopyDirection::KernelToUser, 64, 3));
    add(call(100, "fcntl", Phase::Setup, CopyDirection::None, 0, 5));
    for (int trip = 0; trip < 3; ++trip) {
        for (const Event& event : test::roundTrip(4096)) {
            events.push_back(event);
        }
    }
    add(call(100, "close", Phase::Teardown, CopyDirection::None, 0, 5));
    add(call(200, "close", Phase::Teardown, CopyDirection::None, 0, 4));
    add(call(200, "close", Phase::Teardown, CopyDirection::None, 0, 7));
    return events;
}

TEST(CounterModel, PassesTheModelTester) {
    test::WarningCollector warnings;
    CounterModel model;
    test::Feeder feed(model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    feed(threeRoundTripsWithSetupAndTeardown());
    feed.clear();
    feed(test::roundTrip(10));
    EXPECT_TRUE(warnings.warnings().empty()) << warnings.warnings().front();
}

TEST(CounterModel, RowsAreProcessesInOrderOfStartThenTotal) {
    CounterModel model;
    test::Feeder feed(model);
    EXPECT_EQ(model.rowCount(), 1);
    feed(threeRoundTripsWithSetupAndTeardown());
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.headerData(0, Qt::Vertical).toString(), "P1");
    EXPECT_EQ(model.headerData(1, Qt::Vertical).toString(), "P2");
    EXPECT_EQ(model.headerData(2, Qt::Vertical).toString(), "Total");
    EXPECT_EQ(model.rowOf("P2"), 1);
    EXPECT_EQ(model.rowOf("Total"), 2);
}

TEST(CounterModel, ARoundTripCostsFourCrossingsAndFourCopies) {
    CounterModel model;
    test::Feeder feed(model);
    feed(threeRoundTripsWithSetupAndTeardown());
    const int p1 = model.rowOf("P1");
    const int p2 = model.rowOf("P2");
    const int total = model.totalRow();

    EXPECT_EQ(model.value(p1, CounterModel::CrossingsTransfer), 6u);
    EXPECT_EQ(model.value(p2, CounterModel::CrossingsTransfer), 6u);
    EXPECT_EQ(model.value(total, CounterModel::CrossingsTransfer), 12u);
    EXPECT_EQ(model.value(total, CounterModel::CopiesTransfer), 12u);
    EXPECT_EQ(model.value(p1, CounterModel::CopiesTransfer), 6u);

    EXPECT_EQ(model.value(p1, CounterModel::CrossingsSetup), 1u);
    EXPECT_EQ(model.value(p1, CounterModel::CopiesSetup), 0u);
    EXPECT_EQ(model.value(p2, CounterModel::CrossingsTeardown), 2u);
    EXPECT_EQ(model.value(total, CounterModel::CrossingsTeardown), 3u);
    EXPECT_EQ(model.value(total, CounterModel::CopiesTeardown), 0u);

    // 3 requests and 3 responses of 4096 bytes, each copied in and out once; the start-up read is left out.
    EXPECT_EQ(model.value(p1, CounterModel::BytesUserToKernel), 3u * 4096u);
    EXPECT_EQ(model.value(p1, CounterModel::BytesKernelToUser), 3u * 4096u);
    EXPECT_EQ(model.value(total, CounterModel::BytesUserToKernel), 6u * 4096u);
    EXPECT_EQ(model.value(total, CounterModel::BytesKernelToUser), 6u * 4096u);
    EXPECT_EQ(model.data(model.index(total, CounterModel::BytesKernelToUser)).toString(), "24,576");
}

TEST(CounterModel, AFailedCallIsACrossingButNoCopy) {
    CounterModel model;
    test::Feeder feed(model);
    SyscallRecord failed = call(100, "read", Phase::Transfer, CopyDirection::KernelToUser, 0, 6);
    failed.result = -11;
    feed({test::started(100, "P1", "client"), test::entered(failed), test::exited(failed)});
    EXPECT_EQ(model.value(0, CounterModel::CrossingsTransfer), 1u);
    EXPECT_EQ(model.value(0, CounterModel::CopiesTransfer), 0u);
}

TEST(CounterModel, AWriterBlockedInTheKernelHasCrossedButCopiedNothingYet) {
    CounterModel model;
    test::Feeder feed(model);
    feed({test::started(100, "P1", "client"),
          test::entered(call(100, "write", Phase::Transfer, CopyDirection::UserToKernel, 10, 5))});
    EXPECT_EQ(model.value(model.totalRow(), CounterModel::CrossingsTransfer), 1u);
    EXPECT_EQ(model.value(model.totalRow(), CounterModel::CopiesTransfer), 0u);
    EXPECT_EQ(model.value(model.totalRow(), CounterModel::BytesUserToKernel), 0u);
}

} // namespace
} // namespace ipclab
