#include "gui/sync/sync_timeline_panel.h"

#include "gui/common/text_format.h"
#include "gui/stage/stage_palette.h"
#include "gui/sync/sync_timeline_palette.h"
#include "gui/sync/sync_timeline_view.h"

#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace ipclab {

namespace {
constexpr int kRedrawMs = 100; ///< batches come at ~30 Hz; ten repaints a second is enough to follow

QString swatch(const QColor& colour, const QString& label) {
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
        .arg(SyncTimelinePalette::css(colour), label);
}
} // namespace

SyncTimelinePanel::SyncTimelinePanel(QWidget* parent)
    : QWidget(parent), m_view(new SyncTimelineView(&m_data, this)), m_legend(new QLabel(this)),
      m_summary(new QLabel(this)), m_redraw(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    setupLegend();
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(kRedrawMs);
    connect(m_redraw, &QTimer::timeout, this, &SyncTimelinePanel::flush);
    clear();
}

void SyncTimelinePanel::setupLegend() {
    const QStringList entries{
        swatch(SyncTimelinePalette::holding(), tr("holding the lock")),
        swatch(SyncTimelinePalette::blocked(), tr("blocked: trying or waiting")),
        QStringLiteral("<b>▼ P→n ▲ V→n</b>&nbsp;%1").arg(tr("semaphore down / up, value after")),
        swatch(SyncTimelinePalette::signal(), tr("◆ signal or message, arrow to the process it woke")),
        swatch(SyncTimelinePalette::alarm(), tr("● owner died / ✕ killed")),
        swatch(SyncTimelinePalette::recovered(), tr("● repaired")),
        QStringLiteral("<b>|</b>&nbsp;%1").arg(tr("futex, semop or queue call: into the kernel")),
    };
    m_legend->setText(entries.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
}

void SyncTimelinePanel::clear() {
    m_redraw->stop();
    m_data.clear();
    m_view->resetZoom();
    flush();
}

void SyncTimelinePanel::addEvents(std::span<const Event> batch, const ProcessNames& /*names*/) {
    const bool hadSteps = m_data.syncEventCount() > 0;
    for (const Event& event : batch) {
        m_data.add(event);
    }
    if (!hadSteps && m_data.syncEventCount() > 0) {
        emit firstSyncEvent();
    }
    if (!m_redraw->isActive()) {
        m_redraw->start();
    }
}

void SyncTimelinePanel::flush() {
    m_redraw->stop();
    m_view->refresh();
    m_summary->setText(summaryText());
}

QString SyncTimelinePanel::summaryText() const {
    if (m_data.syncEventCount() == 0) {
        return tr("No synchronisation steps observed in this run yet.");
    }
    QStringList parts;
    for (int lane = 0; lane < static_cast<int>(m_data.lanes().size()); ++lane) {
        const SyncLane& steps = m_data.lanes()[static_cast<std::size_t>(lane)];
        parts << tr("%1 %2").arg(fromStd(steps.name), formatRunTime(m_data.blockedNs(lane)));
    }
    return tr("Time spent blocked: %1.").arg(parts.join(QStringLiteral(" · ")));
}

} // namespace ipclab
