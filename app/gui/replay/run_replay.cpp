#include "gui/replay/run_replay.h"

#include "gui/bridge/session_controller.h"
#include "gui/replay/replay_bar.h"
#include "gui/replay/replay_text.h"
#include "gui/run/centre_tabs.h"
#include "gui/run/run_views.h"
#include "gui/stage/stage_panel.h"
#include "gui/stage/stage_scene.h"
#include "gui/stage/stage_view.h"
#include "gui/sync/sync_timeline_panel.h"

#include <QTableView>
#include <algorithm>

namespace ipclab {

namespace {
constexpr int kCoalesceMs = 30; ///< at most about 30 rebuilds a second while the slider is dragged

const std::vector<Event>& noEvents() {
    static const std::vector<Event> empty;
    return empty;
}
} // namespace

RunReplay::RunReplay(SessionController* session, ReplayBar* bar, ReplayViews views, QObject* parent)
    : QObject(parent), m_bar(bar), m_views(views), m_exporter(new TraceExporter(bar->window(), this)) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &RunReplay::applyRequested);
    connect(m_bar, &ReplayBar::positionRequested, this, [this](int position) {
        m_requested = position;
        if (!m_coalesce.isActive()) {
            m_coalesce.start();
        }
    });
    connect(session, &SessionController::runStarted, this, &RunReplay::onRunStarted);
    connect(session, &SessionController::eventsArrived, this, [this](const std::vector<Event>& batch) {
        m_recording.insert(m_recording.end(), batch.begin(), batch.end());
    });
    connect(session, &SessionController::runFinished, this, [this](const RunResult& result) { onRunEnded(&result); });
    connect(session, &SessionController::runFailed, this, [this] { onRunEnded(nullptr); });
    m_bar->addButtonFor(m_exporter->action());
}

const std::vector<Event>& RunReplay::events() const {
    return m_events ? *m_events : noEvents();
}

void RunReplay::onRunStarted() {
    m_coalesce.stop();
    m_available = false;
    m_recording.clear();
    m_events.reset();
    m_shown = m_requested = 0;
    m_exporter->setRecording(nullptr, {});
    m_bar->disable(tr("Replay: available once the run has finished (real processes cannot step backwards; the "
                      "recording can)."));
}

void RunReplay::onRunEnded(const RunResult* result) {
    m_events = std::make_shared<const std::vector<Event>>(std::move(m_recording));
    m_recording.clear();
    ChromeTraceContext context;
    if (result != nullptr) {
        context = {result->scenarioId, {}, result->params, result->traced, result->traceUnavailableReason};
    }
    m_exporter->setRecording(m_events, context);
    m_available = !m_events->empty();
    m_shown = m_requested = count();
    if (!m_available) {
        m_bar->disable(tr("Replay: nothing was recorded in this run."));
        return;
    }
    m_bar->enable(count());
    showLabel();
}

void RunReplay::seek(int position) {
    if (!m_available) {
        return;
    }
    m_coalesce.stop();
    m_requested = std::clamp(position, 0, count());
    applyRequested();
}

void RunReplay::applyRequested() {
    if (!m_available || m_requested == m_shown) {
        showLabel();
        return;
    }
    if (m_requested > m_shown) {
        advance(m_requested);
    } else {
        rebuild(m_requested);
    }
    m_views.centre->stage()->runEnded(); // a recording holds no process: no "press Step" banner
    m_views.logView->scrollToBottom();
    showLabel();
    emit positionShown(m_shown);
}

void RunReplay::rebuild(int position) {
    // Going back means starting again: the views only know how to add events. The tab in front
    // stays in front (a first snapshot or sync step would otherwise bring its tab forward), and
    // copy blocks are placed at once, as nothing is travelling at that moment.
    const int tab = m_views.centre->currentIndex();
    StageView* stage = m_views.centre->stage()->view();
    const int animationMs = stage->stageScene()->copyAnimationMs();
    stage->setCopyAnimationMs(0);
    m_views.views->clear();
    m_shown = 0;
    advance(position);
    m_views.syncTimeline->flush();
    stage->setCopyAnimationMs(animationMs);
    m_views.centre->setCurrentIndex(tab);
}

void RunReplay::advance(int position) {
    const std::span<const Event> slice(m_events->begin() + m_shown, m_events->begin() + position);
    const int tab = m_views.centre->currentIndex();
    m_views.views->addEvents(slice);
    m_views.centre->setCurrentIndex(tab);
    m_shown = position;
}

void RunReplay::showLabel() {
    if (!m_available) {
        return;
    }
    const Event* last = m_shown > 0 ? &(*m_events)[static_cast<std::size_t>(m_shown - 1)] : nullptr;
    m_bar->showPosition(m_shown, replayLabel(m_shown, count(), last, m_views.views->names()));
}

} // namespace ipclab
