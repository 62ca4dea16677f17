#include "gui/memory/frame_gap_item.h"
#include "gui/memory/mapping_tracker.h"
#include "gui/memory/memory_scene.h"
#include "gui/memory/page_item.h"
#include "gui/memory/page_link_item.h"
#include "memory_test_data.h"
#include "test_events.h"

#include <QGraphicsItem>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

constexpr int kP1 = 100;
constexpr int kP2 = 200;

const PageLinkItem* linkOf(const MemoryScene& scene, int pid, int pageIndex) {
    for (const PageLinkItem* link : scene.links()) {
        if (link->pid() == pid && link->pageIndex() == pageIndex) {
            return link;
        }
    }
    return nullptr;
}

int gapCount(const MemoryScene& scene) {
    int count = 0;
    for (const QGraphicsItem* item : scene.items()) {
        count += dynamic_cast<const FrameGapItem*>(item) != nullptr ? 1 : 0;
    }
    return count;
}

MappingTracker twoProcesses(const MappingSnapshot& first, const MappingSnapshot& second) {
    MappingTracker tracker;
    tracker.add(test::started(kP1, "P1", "writer"));
    tracker.add(test::started(kP2, "P2", "reader"));
    tracker.add(test::snapshotEvent(first));
    tracker.add(test::snapshotEvent(second));
    return tracker;
}

TEST(MemoryScene, DifferentAddressesInTwoProcessesMeetAtTheSameFrames) {
    const auto tracker = twoProcesses(test::mapping(kP1, 0x7f00'0000'0000, {0x1234, 0x9000, 0x1235, 0}, 0x7777),
                                      test::mapping(kP2, 0x7fa0'0000'0000, {0x1234, 0x9000, 0x1235, 0x5000}, 0x8888));
    MemoryScene scene;
    scene.rebuild(tracker);

    EXPECT_EQ(scene.frameCount(), 6); // four shared frames, two private ones
    for (const auto& [index, pfn] : std::vector<std::pair<int, std::uint64_t>>{{0, 0x1234}, {1, 0x9000}, {2, 0x1235}}) {
        const PageLinkItem* fromP1 = linkOf(scene, kP1, index);
        const PageLinkItem* fromP2 = linkOf(scene, kP2, index);
        ASSERT_NE(fromP1, nullptr) << "page " << index;
        ASSERT_NE(fromP2, nullptr) << "page " << index;
        EXPECT_EQ(fromP1->frame(), scene.frameItem(pfn));
        EXPECT_EQ(fromP1->frame(), fromP2->frame()) << "page " << index << " must reach one frame from both";
        EXPECT_EQ(fromP1->frame()->style(), PageItem::Style::SharedFrame);
        EXPECT_NE(fromP1->page()->title(), fromP2->page()->title()) << "the virtual addresses differ";
    }
    // Page 3 is not present in P1: drawn empty, labelled, no line; P2 has touched it.
    EXPECT_EQ(linkOf(scene, kP1, 3), nullptr);
    ASSERT_NE(scene.pageItem(kP1, 3), nullptr);
    EXPECT_EQ(scene.pageItem(kP1, 3)->style(), PageItem::Style::Absent);
    EXPECT_TRUE(scene.pageItem(kP1, 3)->detail().contains("not present"));
    ASSERT_NE(linkOf(scene, kP2, 3), nullptr);
    EXPECT_EQ(linkOf(scene, kP2, 3)->frame()->style(), PageItem::Style::Frame);
    // Private heap pages: each to a frame of its own.
    const PageLinkItem* heap1 = linkOf(scene, kP1, -1);
    const PageLinkItem* heap2 = linkOf(scene, kP2, -1);
    ASSERT_NE(heap1, nullptr);
    ASSERT_NE(heap2, nullptr);
    EXPECT_EQ(heap1->frame(), scene.frameItem(0x7777));
    EXPECT_EQ(heap2->frame(), scene.frameItem(0x8888));
    EXPECT_NE(heap1->frame(), heap2->frame());
    // 0x1234 0x1235 | 0x5000 | 0x9000, and 0x7777 | 0x8888: three breaks in RAM.
    EXPECT_EQ(gapCount(scene), 3);
    EXPECT_TRUE(scene.texts().contains("PFN 0x1234"));
    const QString all = scene.texts().join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains("minor page faults: 100")) << all.toStdString();
    EXPECT_TRUE(all.contains("3 frame(s) reached from both P1 and P2, at different virtual addresses"))
        << all.toStdString();
    EXPECT_TRUE(all.contains("not contiguous")) << all.toStdString();
}

TEST(MemoryScene, HiddenFrameNumbersAreNeverDrawnAndTheReasonIs) {
    const auto tracker = twoProcesses(test::hiddenMapping(kP1, 0x7f00'0000'0000, {true, true, false}),
                                      test::hiddenMapping(kP2, 0x7fa0'0000'0000, {true, false, false}));
    MemoryScene scene;
    scene.rebuild(tracker);

    EXPECT_EQ(scene.frameCount(), 0);
    const QString all = scene.texts().join('\n');
    EXPECT_FALSE(all.contains("PFN")) << all.toStdString();
    EXPECT_FALSE(all.contains("abcd", Qt::CaseInsensitive)) << "a frame number leaked";
    EXPECT_FALSE(all.contains("feed", Qt::CaseInsensitive)) << "a private frame number leaked";
    EXPECT_TRUE(all.contains("only to CAP_SYS_ADMIN")) << "the reason must be shown";
    EXPECT_TRUE(all.contains("inode 4242")) << "the unprivileged evidence must be shown";
    EXPECT_TRUE(all.contains("Pss")) << "smaps figures must be shown";
    // Lines follow the object's pages (same inode, same offset), dashed.
    const PageLinkItem* fromP1 = linkOf(scene, kP1, 0);
    const PageLinkItem* fromP2 = linkOf(scene, kP2, 0);
    ASSERT_NE(fromP1, nullptr);
    ASSERT_NE(fromP2, nullptr);
    EXPECT_EQ(fromP1->frame(), fromP2->frame());
    EXPECT_EQ(fromP1->pen().style(), Qt::DashLine);
    EXPECT_EQ(linkOf(scene, kP2, 1), nullptr) << "a page that is not present has no line";
    EXPECT_EQ(linkOf(scene, kP1, -1), nullptr) << "a private frame that is not known has no line";
}

TEST(MemoryScene, WithoutSnapshotsItSaysWhatWillAppear) {
    MemoryScene scene;
    scene.rebuild(MappingTracker());
    EXPECT_TRUE(scene.links().empty());
    EXPECT_TRUE(scene.texts().join(' ').contains("No shared mapping"));
}

TEST(MappingTracker, TheLastWriterIsTheLatestProcessWhoseSoftDirtyBitTurnedOn) {
    MappingTracker tracker;
    tracker.add(test::started(kP1, "P1", "writer"));
    tracker.add(test::started(kP2, "P2", "reader"));
    MappingSnapshot p1 = test::mapping(kP1, 0x7f00'0000'0000, {10, 11, 12, 0}, 90);
    tracker.add(test::snapshotEvent(p1));
    EXPECT_FALSE(tracker.writesSeen()) << "no bit set yet: the kernel may not track writes";
    p1.pages[0].softDirty = true;
    p1.pages[1].softDirty = true;
    p1.pages[3].softDirty = true; // not present: not a write through this mapping
    tracker.add(test::snapshotEvent(p1));
    EXPECT_TRUE(tracker.writesSeen());
    EXPECT_EQ(tracker.lastWriter(0), kP1);
    EXPECT_EQ(tracker.lastWriter(1), kP1);
    EXPECT_EQ(tracker.lastWriter(2), std::nullopt);
    EXPECT_EQ(tracker.lastWriter(3), std::nullopt);

    MappingSnapshot p2 = test::mapping(kP2, 0x7fa0'0000'0000, {10, 11, 12, 0}, 91);
    p2.pages[1].softDirty = true;
    tracker.add(test::snapshotEvent(p2));
    EXPECT_EQ(tracker.lastWriter(1), kP2);
    // The bits were cleared once, at mapping time: P1's stay set, which is no new write.
    tracker.add(test::snapshotEvent(p1));
    EXPECT_EQ(tracker.lastWriter(0), kP1);
    EXPECT_EQ(tracker.lastWriter(1), kP2);
    EXPECT_EQ(tracker.writers(1), (std::vector<int>{kP1, kP2}));
    EXPECT_EQ(tracker.writers(2), std::vector<int>{});
    EXPECT_EQ(tracker.lastWriter(99), std::nullopt);

    // Without write tracking a soft-dirty bit means nothing.
    MappingSnapshot untracked = test::mapping(kP2, 0x7fa0'0000'0000, {10, 11, 12, 13}, 91);
    untracked.writesTracked = false;
    untracked.pages[2].softDirty = true;
    tracker.add(test::snapshotEvent(untracked));
    EXPECT_EQ(tracker.lastWriter(2), std::nullopt);
    EXPECT_EQ(tracker.nameOf(kP2), "P2");
    EXPECT_EQ(tracker.mapped().size(), 2u);
    EXPECT_EQ(tracker.pageCount(), 4u);
}

TEST(MappingTracker, CountsMinorFaultsFromTheFirstSnapshotAndForgetsOnClear) {
    MappingTracker tracker;
    MappingSnapshot p1 = test::mapping(kP1, 0x7f00'0000'0000, {10}, 90);
    tracker.add(test::snapshotEvent(p1));
    p1.minorFaults = 104;
    tracker.add(test::snapshotEvent(p1));
    ASSERT_NE(tracker.find(kP1), nullptr);
    EXPECT_EQ(tracker.find(kP1)->firstMinorFaults, 100u);
    EXPECT_EQ(tracker.find(kP1)->latest->minorFaults, 104u);
    EXPECT_EQ(tracker.nameOf(kP1), "pid 100");
    tracker.clear();
    EXPECT_FALSE(tracker.hasSnapshot());
    EXPECT_TRUE(tracker.processes().empty());
}

} // namespace
} // namespace ipclab
