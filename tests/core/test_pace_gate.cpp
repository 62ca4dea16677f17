#include "observe/pace_gate.h"

#include <atomic>
#include <future>
#include <gtest/gtest.h>
#include <thread>

namespace ipclab {
namespace {

using namespace std::chrono_literals;

TEST(PaceGate, StepReleasesExactlyOneHeldEntryAndAnnouncesEachHold) {
    PaceGate gate;
    gate.setMode(PaceMode::Step);
    gate.step(); // nothing is held yet: this press must not release a later call
    std::atomic<int> holds{0};
    auto first = std::async(std::launch::async, [&] { return gate.admit([&] { ++holds; }); });
    EXPECT_EQ(first.wait_for(200ms), std::future_status::timeout) << "an early Step released a later call";
    EXPECT_EQ(holds.load(), 1);
    gate.step();
    ASSERT_EQ(first.wait_for(2s), std::future_status::ready);
    EXPECT_TRUE(first.get());
    EXPECT_EQ(holds.load(), 1);
}

TEST(PaceGate, LeavingStepModeReleasesTheHeldEntry) {
    PaceGate gate;
    gate.setMode(PaceMode::Step);
    auto held = std::async(std::launch::async, [&] { return gate.admit(); });
    EXPECT_EQ(held.wait_for(100ms), std::future_status::timeout);
    gate.setMode(PaceMode::Free);
    ASSERT_EQ(held.wait_for(2s), std::future_status::ready);
    EXPECT_TRUE(held.get());
}

TEST(PaceGate, CancelReleasesEveryWaiterForGood) {
    PaceGate gate;
    gate.setMode(PaceMode::Step);
    gate.setPaused(true);
    auto held = std::async(std::launch::async, [&] { return gate.admit(); });
    EXPECT_EQ(held.wait_for(100ms), std::future_status::timeout);
    gate.cancel();
    ASSERT_EQ(held.wait_for(2s), std::future_status::ready);
    EXPECT_FALSE(held.get());
    EXPECT_FALSE(gate.admit());
}

TEST(PaceGate, WatchWaitsItsDelayAndPauseHolds) {
    PaceGate gate;
    gate.setMode(PaceMode::Watch);
    gate.setDelay(50ms);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(gate.admit());
    EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
    gate.setPaused(true);
    auto paused = std::async(std::launch::async, [&] { return gate.admit(); });
    EXPECT_EQ(paused.wait_for(200ms), std::future_status::timeout) << "a paused run went on";
    gate.setPaused(false);
    ASSERT_EQ(paused.wait_for(2s), std::future_status::ready);
    EXPECT_TRUE(paused.get());
}

} // namespace
} // namespace ipclab
