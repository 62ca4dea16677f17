#pragma once

#include "gui/memory/mapping_tracker.h"

#include <QString>
#include <QStringList>
#include <cstdint>

namespace ipclab {

/// The memory view's words, in one place so that the scene only places them. Every figure in
/// them comes from a snapshot; nothing is made up.
namespace memory_text {

/// "0x7f3a1c2b4000"
QString address(std::uint64_t address);
/// "PFN 0x1a2b3c": only ever called with a number the kernel gave.
QString frameNumber(std::uint64_t pfn);
/// "16 kB", as smaps counts.
QString kilobytes(std::uint64_t bytes);
/// "P1 · pid 4242", with "· exited" once it has.
QString columnTitle(const MappingTracker::Process& process);
/// "inode 98304 · offset 0x0"
QString inodeLine(const MappingSnapshot& snapshot);
/// "page 2 · present" and the like, for a page of the object.
QString pageDetail(int index, const PageInfo& page, bool pfnsHidden);
/// "minor page faults: 139 (+5 since mapped)"
QString faults(const MappingTracker::Process& process);
/// What a minor page fault is, and why shared memory needs the kernel only then.
QString faultNote();
/// smaps' Rss, Pss and Shared figures, or why there are none.
QString smaps(const MappingSnapshot& snapshot);
/// What proves sharing when frame numbers are hidden: inode and offset, pagemap's exclusive
/// bit, smaps' Pss against Rss.
QString hiddenEvidence(const MappingTracker& tracker);
/// "3 frames reached from both P1 and P2, at different virtual addresses." and the like;
/// `sharers` names the processes that reach a frame another process reaches too.
QString sharingSummary(int sharedFrames, const QStringList& sharers, bool addressesDiffer, int breaks);

} // namespace memory_text

} // namespace ipclab
