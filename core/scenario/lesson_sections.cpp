#include "scenario/lesson_sections.h"

#include <array>

namespace ipclab {

const char* lessonSectionTitle(int section) {
    static constexpr std::array<const char*, kLastLessonSection> kTitles = {
        "Lesson preview",
        "Visual metaphor",
        "Inter-process communication",
        "Message-based IPC",
        "Forms of message passing",
        "Shared memory IPC",
        "Comparing IPC mechanisms",
        "Comparing IPC mechanisms",
        "Copying versus mapping",
        "System V shared memory",
        "The System V shared memory API",
        "The POSIX shared memory API",
        "Shared memory and synchronisation",
        "Pthreads synchronisation across processes",
        "Synchronisation for other IPC",
        "System V message queues",
        "System V message queues",
        "IPC command-line tools",
        "Design considerations",
        "How many segments?",
        "How large a segment?",
        "Lesson summary",
        "Lesson review",
    };
    if (section < kFirstLessonSection || section > kLastLessonSection) {
        return "";
    }
    return kTitles[static_cast<std::size_t>(section - kFirstLessonSection)];
}

} // namespace ipclab
