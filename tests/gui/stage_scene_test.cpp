#include "gui/stage/buffer_gauge_item.h"
#include "gui/stage/stage_banner.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_scene.h"
#include "gui/stage/stage_view.h"
#include "test_events.h"

#include <gtest/gtest.h>

namespace ipclab {
namespace {

using test::call;

TEST(StageScene, StartsWithOnlyTheKernelAndDrawsNothingUnobserved) {
    StageScene scene;
    EXPECT_TRUE(scene.laneNames().isEmpty());
    EXPECT_EQ(scene.arrowCount(), 0);
    EXPECT_EQ(scene.copyBlockCount(), 0);
    EXPECT_EQ(scene.gaugeCount(), 0);
}

TEST(StageScene, EveryCallIsTwoCrossingsAndEveryCopyOneBlock) {
    StageScene scene;
    scene.setCopyAnimationMs(0);
    scene.addEvents(std::vector<Event>{test::started(100, "P1", "client"), test::started(200, "P2", "server")}, false);
    EXPECT_EQ(scene.laneNames(), QStringList({"P1", "P2"}));
    scene.addEvents(test::roundTrip(4096), false);
    EXPECT_EQ(scene.arrowCount(), 8);
    EXPECT_EQ(scene.copyBlockCount(), 4);
    // Four entries, four copies, four returns: one row each, in order.
    EXPECT_EQ(scene.rowCount(), 12);
    scene.addEvents(std::vector<Event>{test::exited(call(100, "close", Phase::Teardown, CopyDirection::None, 0, 5))},
                    false);
    EXPECT_EQ(scene.copyBlockCount(), 4);
}

TEST(StageScene, AnUnannouncedProcessGetsItsOwnLane) {
    StageScene scene;
    scene.addEvents(
        std::vector<Event>{test::entered(call(4242, "write", Phase::Setup, CopyDirection::UserToKernel, 1, 3))}, false);
    EXPECT_EQ(scene.laneNames(), QStringList({"pid 4242"}));
}

TEST(StageScene, GaugesFollowTheLatestSamplePerChannel) {
    StageScene scene;
    scene.addEvents(std::vector<Event>{test::sample("request pipe", 4096, 65536),
                                       test::sample("response pipe", 0, 65536), test::sample("request pipe", 0, 65536)},
                    false);
    ASSERT_EQ(scene.gaugeCount(), 2);
    const BufferGaugeItem* request = scene.gauge("request pipe");
    ASSERT_NE(request, nullptr);
    EXPECT_EQ(request->used(), 0u);
    EXPECT_EQ(request->capacity(), 65536u);
    EXPECT_EQ(request->levelText(), "0 / 65,536 B");
}

TEST(StageScene, ClearForgetsTheRun) {
    StageScene scene;
    scene.addEvents(std::vector<Event>{test::started(100, "P1", "client")}, false);
    scene.addEvents(test::roundTrip(8), false);
    scene.reset();
    EXPECT_TRUE(scene.laneNames().isEmpty());
    EXPECT_EQ(scene.arrowCount(), 0);
    EXPECT_EQ(scene.rowCount(), 0);
}

TEST(StagePanel, AHeldCallIsAnnouncedUntilItReturns) {
    StagePanel panel;
    test::Feeder feed(panel);
    const SyscallRecord write = call(100, "write", Phase::Transfer, CopyDirection::UserToKernel, 4096, 5);
    feed({test::started(100, "P1", "client"), test::held(write)});
    EXPECT_FALSE(panel.heldBanner()->isHidden());
    const QString text = panel.heldBanner()->text();
    EXPECT_TRUE(text.startsWith("P1 is about to enter the kernel: ")) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(write.callText()))) << text.toStdString();
    EXPECT_TRUE(text.endsWith("press Step")) << text.toStdString();
    feed({test::entered(write), test::exited(write)});
    EXPECT_TRUE(panel.heldBanner()->isHidden());
}

TEST(StagePanel, NoticesShowAsABanner) {
    StagePanel panel;
    test::Feeder feed(panel);
    EXPECT_TRUE(panel.noticeBanner()->isHidden());
    feed({test::notice("kernel observation is unavailable: ptrace_scope is 3")});
    EXPECT_FALSE(panel.noticeBanner()->isHidden());
    EXPECT_TRUE(panel.noticeBanner()->text().contains("ptrace_scope is 3"));
    EXPECT_EQ(panel.noticeBanner()->tone(), StageBanner::Tone::Warning);
    feed.clear();
    EXPECT_TRUE(panel.noticeBanner()->isHidden());
}

} // namespace
} // namespace ipclab
