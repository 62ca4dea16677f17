#include "gui/run/run_views.h"

namespace ipclab {

void RunViews::add(EventView& view) {
    m_views.push_back(&view);
}

void RunViews::addEvents(std::span<const Event> batch) {
    m_names.add(batch);
    for (EventView* view : m_views) {
        view->addEvents(batch, m_names);
    }
}

void RunViews::clear() {
    m_names.clear();
    for (EventView* view : m_views) {
        view->clear();
    }
}

} // namespace ipclab
