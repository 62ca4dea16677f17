// The one runner of background work: real threads, results on the GUI thread, stale ones dropped.
#include "gui/common/background_job.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace ipclab {
namespace {

using namespace std::chrono_literals;

/// Waits on the calling thread without running the GUI's event loop, so nothing queued is delivered.
void waitWithoutEvents(const std::atomic<bool>& flag) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!flag.load() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(1ms);
    }
    ASSERT_TRUE(flag.load()) << "the work never got there";
}

/// Blocks the job's thread until the job is cancelled (or 10 s pass, so a broken cancel fails the test).
void waitForCancel(const JobControl& job) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!job.cancelled() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(1ms);
    }
}

TEST(BackgroundJob, TheWorkRunsOnItsOwnThreadAndItsResultArrivesOnTheGuiThread) {
    BackgroundJob job;
    std::atomic<QThread*> workThread{nullptr};
    QThread* postedOn = nullptr;
    QThread* deliveredOn = nullptr;
    bool runningAtDelivery = true;
    int result = 0;
    job.start([&](const JobControl& control) -> BackgroundJob::Delivery {
        workThread = QThread::currentThread();
        control.post([&] { postedOn = QThread::currentThread(); });
        const int computed = 6 * 7;
        return [&, computed] {
            deliveredOn = QThread::currentThread();
            runningAtDelivery = job.isRunning();
            result = computed;
        };
    });
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return result != 0; }, 10000));
    QThread* gui = QCoreApplication::instance()->thread();
    EXPECT_NE(workThread.load(), gui);
    EXPECT_EQ(postedOn, gui);
    EXPECT_EQ(deliveredOn, gui);
    EXPECT_FALSE(runningAtDelivery);
    EXPECT_FALSE(job.isRunning());
    EXPECT_EQ(result, 42);
}

TEST(BackgroundJob, WhatAnOlderGenerationLeftInFlightIsDropped) {
    BackgroundJob job;
    std::atomic<bool> firstDone{false};
    int firstPosts = 0;
    int firstResults = 0;
    int secondResults = 0;
    job.start([&](const JobControl& control) -> BackgroundJob::Delivery {
        control.post([&] { ++firstPosts; });
        firstDone = true;
        return [&] { ++firstResults; };
    });
    // The first job's post and result are queued but not yet delivered when the second starts.
    waitWithoutEvents(firstDone);
    const std::uint64_t firstGeneration = job.generation();
    job.start([&](const JobControl&) -> BackgroundJob::Delivery { return [&] { ++secondResults; }; });
    EXPECT_EQ(job.generation(), firstGeneration + 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return secondResults == 1; }, 10000));
    QCoreApplication::processEvents();
    EXPECT_EQ(firstPosts, 0);
    EXPECT_EQ(firstResults, 0);
    EXPECT_EQ(secondResults, 1);
}

TEST(BackgroundJob, CancelStopsTheWorkThroughItsHookAndTheResultStillArrives) {
    BackgroundJob job;
    std::atomic<bool> hooked{false};
    std::atomic<int> hookCalls{0};
    bool sawCancel = false;
    bool delivered = false;
    job.start([&](const JobControl& control) -> BackgroundJob::Delivery {
        const StopHook stop = control.onCancel([&] { ++hookCalls; });
        hooked = true;
        waitForCancel(control);
        return [&, cancelled = control.cancelled()] {
            sawCancel = cancelled;
            delivered = true;
        };
    });
    waitWithoutEvents(hooked);
    job.cancel();
    EXPECT_TRUE(job.isRunning()) << "a cancelled job runs until its work has returned";
    ASSERT_TRUE(QTest::qWaitFor([&] { return delivered; }, 10000));
    EXPECT_TRUE(sawCancel);
    EXPECT_EQ(hookCalls.load(), 1);
    EXPECT_FALSE(job.isRunning());
    job.cancel(); // the hook is gone with the work: nothing is called now
    EXPECT_EQ(hookCalls.load(), 1);
}

TEST(BackgroundJob, AnAbandonedJobDeliversNothingAndIsNoLongerRunning) {
    BackgroundJob job;
    std::atomic<bool> started{false};
    std::atomic<bool> ended{false};
    bool anything = false;
    job.start([&](const JobControl& control) -> BackgroundJob::Delivery {
        started = true;
        waitForCancel(control);
        control.post([&] { anything = true; });
        ended = true;
        return [&] { anything = true; };
    });
    waitWithoutEvents(started);
    job.abandon();
    EXPECT_FALSE(job.isRunning());
    waitWithoutEvents(ended);
    QTest::qWait(50);
    EXPECT_FALSE(anything);
}

TEST(BackgroundJob, DestroyingTheJobCancelsTheWorkAndWaitsForIt) {
    std::atomic<bool> started{false};
    std::atomic<bool> ended{false};
    {
        BackgroundJob job;
        job.start([&](const JobControl& control) -> BackgroundJob::Delivery {
            started = true;
            waitForCancel(control);
            ended = control.cancelled();
            return {};
        });
        waitWithoutEvents(started);
    }
    EXPECT_TRUE(ended.load());
}

} // namespace
} // namespace ipclab
