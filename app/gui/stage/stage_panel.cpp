#include "gui/stage/stage_panel.h"

#include "gui/common/process_names.h"
#include "gui/common/text_format.h"
#include "gui/stage/stage_banner.h"
#include "gui/stage/stage_scene.h"
#include "gui/stage/stage_view.h"

#include <QVBoxLayout>

namespace ipclab {

StagePanel::StagePanel(QWidget* parent)
    : QWidget(parent), m_view(new StageView(this)), m_notices(new StageBanner(this)), m_held(new StageBanner(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_notices);
    layout->addWidget(m_held);
    layout->addWidget(m_view, 1);
}

void StagePanel::clear() {
    m_view->clear();
    m_noticeLines.clear();
    m_worstLevel = Notice::Level::Info;
    m_heldCalls.clear();
    m_notices->showMessage({}, StageBanner::Tone::Info);
    m_held->showMessage({}, StageBanner::Tone::Held);
}

void StagePanel::addEvents(std::span<const Event> batch, const ProcessNames& names) {
    m_view->addEvents(batch);
    for (const Event& event : batch) {
        track(event);
    }
    refreshHeld(names);
}

void StagePanel::runEnded() {
    m_heldCalls.clear();
    m_held->showMessage({}, StageBanner::Tone::Held);
}

void StagePanel::track(const Event& event) {
    if (const auto* held = std::get_if<HeldAtEntry>(&event.payload)) {
        m_heldCalls[held->call.pid] = held->call;
    } else if (const auto* entered = std::get_if<SyscallEntered>(&event.payload)) {
        // Entered after the hold means the Step released it: the process is now inside.
        const auto found = m_heldCalls.find(entered->call.pid);
        if (found != m_heldCalls.end() && found->second.entryNs == entered->call.entryNs) {
            m_heldCalls.erase(found);
        }
    } else if (const auto* exited = std::get_if<SyscallExited>(&event.payload)) {
        m_heldCalls.erase(exited->call.pid);
    } else if (const auto* ended = std::get_if<ProcessExited>(&event.payload)) {
        m_heldCalls.erase(ended->pid);
    } else if (const auto* notice = std::get_if<Notice>(&event.payload)) {
        addNotice(*notice);
    }
}

void StagePanel::addNotice(const Notice& notice) {
    m_noticeLines << fromStd(notice.text);
    m_worstLevel = std::max(m_worstLevel, notice.level);
    StageBanner::Tone tone = StageBanner::Tone::Info;
    if (m_worstLevel == Notice::Level::Warning) {
        tone = StageBanner::Tone::Warning;
    } else if (m_worstLevel == Notice::Level::Error) {
        tone = StageBanner::Tone::Error;
    }
    m_notices->showMessage(m_noticeLines.join(QLatin1Char('\n')), tone);
}

void StagePanel::refreshHeld(const ProcessNames& names) {
    QStringList lines;
    for (const auto& [pid, call] : m_heldCalls) {
        lines
            << tr("%1 is about to enter the kernel: %2 — press Step").arg(names.nameOf(pid), fromStd(call.callText()));
    }
    m_held->showMessage(lines.join(QLatin1Char('\n')), StageBanner::Tone::Held);
}

} // namespace ipclab
