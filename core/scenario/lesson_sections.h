#pragma once

namespace ipclab {

/// The first and last section numbers of the lesson (LESSON.md) that scenarios may name.
inline constexpr int kFirstLessonSection = 1;
inline constexpr int kLastLessonSection = 23;

/// A short heading for a lesson section ("Message-based IPC"), or "" outside 1..23. Used to group
/// scenario lists the way the lesson is ordered.
const char* lessonSectionTitle(int section);

} // namespace ipclab
