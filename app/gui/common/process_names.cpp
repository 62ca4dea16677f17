#include "gui/common/process_names.h"

#include "gui/common/text_format.h"

namespace ipclab {

void ProcessNames::add(std::span<const Event> batch) {
    for (const Event& event : batch) {
        if (const auto* started = std::get_if<ProcessStarted>(&event.payload)) {
            m_announced[started->pid] = *started;
        }
    }
}

const ProcessStarted* ProcessNames::find(int pid) const {
    const auto found = m_announced.find(pid);
    return found != m_announced.end() ? &found->second : nullptr;
}

QString ProcessNames::nameOf(int pid) const {
    const ProcessStarted* started = find(pid);
    return started != nullptr ? fromStd(started->name) : unannounced(pid);
}

QString ProcessNames::unannounced(int pid) {
    return tr("pid %1").arg(pid);
}

} // namespace ipclab
