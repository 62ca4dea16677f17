#include "gui/ipcs/ipcs_panel.h"
#include "gui/memory/hex_dump.h"
#include "gui/memory/memory_panel.h"
#include "gui/memory/memory_scene.h"
#include "gui/memory/region_fields_text.h"
#include "gui/memory/shared_page_model.h"
#include "gui/run/centre_tabs.h"
#include "gui/stage/stage_panel.h"
#include "memory_test_data.h"
#include "test_events.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

constexpr int kP1 = 100;
constexpr int kP2 = 200;

TEST(HexDump, ShowsOffsetHexAndPrintableAscii) {
    const QStringList lines = hexDumpLines({'H', 'i', 0x00, 0xff}, 0x10);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_TRUE(lines[0].startsWith("0010  48 69 00 ff ")) << lines[0].toStdString();
    EXPECT_TRUE(lines[0].endsWith("|Hi..|")) << lines[0].toStdString();
    std::vector<std::uint8_t> bytes(20, 'a');
    const QStringList two = hexDumpLines(bytes, 0);
    ASSERT_EQ(two.size(), 2);
    EXPECT_TRUE(two[1].startsWith("0010  61 61 61 61 "));
    EXPECT_EQ(two[0].indexOf('|'), two[1].indexOf('|')) << "the ASCII column stays aligned";
    EXPECT_TRUE(hexDumpLines({}, 0).isEmpty());
}

TEST(SharedPageModel, PassesTheModelTesterThroughUpdatesAndShowsPresenceAndWriters) {
    test::WarningCollector warnings;
    SharedPageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    MappingTracker tracker;
    tracker.add(test::started(kP1, "P1", "writer"));
    tracker.add(test::started(kP2, "P2", "reader"));
    MappingSnapshot p1 = test::mapping(kP1, 0x7f00'0000'0000, {10, 11, 0}, 90);
    p1.pages[1].softDirty = true;
    tracker.add(test::snapshotEvent(p1));
    model.update(tracker);
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), 7); // page, offset, P1, mapped by, written by, last writer, holds

    tracker.add(test::snapshotEvent(test::mapping(kP2, 0x7fa0'0000'0000, {10, 0, 0}, 91)));
    model.update(tracker);
    ASSERT_EQ(model.columnCount(), 8);
    const int p2Column = SharedPageModel::FirstProcessColumn + 1;
    EXPECT_EQ(model.headerData(p2Column, Qt::Horizontal).toString(), "In P2");
    EXPECT_EQ(model.index(0, p2Column).data().toString(), "present");
    EXPECT_TRUE(model.index(0, p2Column).data(Qt::ToolTipRole).toString().contains("0x7fa0"));
    EXPECT_EQ(model.index(1, p2Column).data().toString(), "not present");
    EXPECT_EQ(model.index(1, model.mappedByColumn()).data().toString(), "P1, P2");
    EXPECT_EQ(model.index(1, model.lastWriterColumn()).data().toString(), "P1");
    EXPECT_EQ(model.index(0, model.lastWriterColumn()).data().toString(), "unknown");
    EXPECT_EQ(model.index(1, model.writtenByColumn()).data().toString(), "P1");
    EXPECT_EQ(model.index(0, model.writtenByColumn()).data().toString(), "nobody seen");
    model.update(tracker); // same shape: data changes only
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(warnings.warnings().empty()) << warnings.warnings().front();
}

TEST(RegionFields, NamesLegendAndDumpNotesFollowTheAnnouncedLayout) {
    const std::vector<RegionField> fields{
        {16, 40, "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)"}, {8, 8, "counter"}, {4096, 8, "second page"}};
    EXPECT_EQ(region_fields_text::namesIn(fields, 0, 4096), QStringList({"counter", "mutex"}));
    EXPECT_EQ(region_fields_text::namesIn(fields, 4096, 4096), QStringList({"second page"}));
    EXPECT_TRUE(region_fields_text::namesIn(fields, 56, 16).isEmpty()) << "the mutex ends at byte 55";
    const QStringList legend = region_fields_text::legendForPage(fields, 0, 4096);
    ASSERT_EQ(legend.size(), 2);
    EXPECT_EQ(legend[1], "0x0010..0x0037  mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED) (40 bytes)");
    const QStringList dump =
        region_fields_text::annotateDump(hexDumpLines(std::vector<std::uint8_t>(64), 0), fields, 0);
    ASSERT_EQ(dump.size(), 4);
    EXPECT_TRUE(dump[0].endsWith("<- counter")) << dump[0].toStdString();
    EXPECT_TRUE(dump[1].endsWith("<- mutex")) << dump[1].toStdString();
    EXPECT_TRUE(dump[3].endsWith("<- mutex")) << "bytes 48..55 are the mutex's last";
    const QStringList both =
        region_fields_text::annotateDump(hexDumpLines(std::vector<std::uint8_t>(32), 0, 32), fields, 0, 32);
    EXPECT_TRUE(both[0].endsWith("<- counter, mutex")) << both[0].toStdString();
}

TEST(MemoryPanel, MarksWhereTheMutexLivesInTheGridAndTheBytes) {
    MemoryPanel panel;
    test::Feeder feed(panel);
    MappingSnapshot p1 = test::mapping(kP1, 0x7f00'0000'0000, {10}, 90);
    p1.fields = {{16, 40, "mutex (pthread_mutex_t, PTHREAD_PROCESS_SHARED)"}};
    p1.heads[0].resize(64);
    feed({test::started(kP1, "P1", "mutex"), test::snapshotEvent(p1)});
    const SharedPageModel& grid = *panel.grid();
    EXPECT_EQ(grid.headerData(grid.holdsColumn(), Qt::Horizontal).toString(), "Holds");
    EXPECT_EQ(grid.index(0, grid.holdsColumn()).data().toString(), "mutex");
    EXPECT_TRUE(grid.index(0, grid.holdsColumn()).data(Qt::ToolTipRole).toString().contains("0x0010..0x0037"));
    panel.showBytes(0);
    EXPECT_TRUE(panel.bytesText().contains("0x0010..0x0037  mutex")) << panel.bytesText().toStdString();
    EXPECT_TRUE(panel.bytesText().contains("<- mutex")) << panel.bytesText().toStdString();
}

TEST(MemoryPanel, DrawsLiveAnnouncesTheFirstSnapshotOnceAndShowsTheBytes) {
    MemoryPanel panel;
    test::Feeder feed(panel);
    QSignalSpy first(&panel, &MemoryPanel::firstSnapshot);
    feed({test::started(kP1, "P1", "writer"), test::started(kP2, "P2", "reader")});
    EXPECT_EQ(first.count(), 0);
    feed({test::snapshotEvent(test::mapping(kP1, 0x7f00'0000'0000, {10, 0}, 90))});
    EXPECT_EQ(first.count(), 1);
    EXPECT_EQ(panel.memoryScene()->links().size(), 2u); // page 0 and the heap page
    // Demand paging: page 1 becomes present in a later sample; the view follows.
    feed({test::snapshotEvent(test::mapping(kP1, 0x7f00'0000'0000, {10, 12}, 90)),
          test::snapshotEvent(test::mapping(kP2, 0x7fa0'0000'0000, {10, 0}, 91))});
    EXPECT_EQ(first.count(), 1);
    EXPECT_EQ(panel.memoryScene()->links().size(), 5u);
    EXPECT_EQ(panel.grid()->rowCount(), 2);
    panel.showBytes(0);
    EXPECT_TRUE(panel.bytesText().contains("|page.|")) << panel.bytesText().toStdString();
    panel.showBytes(1);
    EXPECT_TRUE(panel.bytesText().contains("P2 has not touched it")) << panel.bytesText().toStdString();

    feed.clear();
    EXPECT_TRUE(panel.memoryScene()->links().empty());
    EXPECT_EQ(panel.grid()->rowCount(), 0);
    feed({test::snapshotEvent(test::mapping(kP1, 0x7f00'0000'0000, {10}, 90))});
    EXPECT_EQ(first.count(), 2) << "a new run announces its own first snapshot";
}

TEST(CentreTabs, TheMemoryTabComesForwardOnTheFirstSnapshotUnlessPinned) {
    CentreTabs tabs;
    test::Feeder feed(*tabs.memory());
    EXPECT_EQ(tabs.count(), 3);
    EXPECT_EQ(tabs.tabText(0), "Processes and kernel");
    EXPECT_EQ(tabs.tabText(1), "Memory");
    EXPECT_EQ(tabs.tabText(2), "IPC objects");
    EXPECT_EQ(tabs.currentWidget(), static_cast<QWidget*>(tabs.stage()));
    feed({test::snapshotEvent(test::mapping(kP1, 0x7f00'0000'0000, {10}, 90))});
    EXPECT_EQ(tabs.currentWidget(), static_cast<QWidget*>(tabs.memory()));

    feed.clear();
    tabs.pin(CentreTabs::Tab::Ipcs);
    feed({test::snapshotEvent(test::mapping(kP1, 0x7f00'0000'0000, {10}, 90))});
    EXPECT_EQ(tabs.currentWidget(), static_cast<QWidget*>(tabs.ipcs()));
}

} // namespace
} // namespace ipclab
