#include "gui/stage/stage_view.h"

#include "gui/stage/stage_palette.h"
#include "gui/stage/stage_scene.h"

#include <QScrollBar>
#include <algorithm>

namespace ipclab {

namespace {
// Past this many copies in one batch the run is outpacing the eye; blocks are placed at once.
constexpr long kMaxAnimatedCopiesPerBatch = 24;
constexpr int kFollowSlack = 4; ///< pixels from the bottom that still count as following
} // namespace

StageView::StageView(QWidget* parent) : QGraphicsView(parent), m_scene(new StageScene(this)) {
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundBrush(StagePalette::background());
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    connect(m_scene, &StageScene::lanesChanged, this, &StageView::fitWidth);
}

void StageView::clear() {
    m_scene->reset();
    verticalScrollBar()->setValue(0);
    pinHeaders();
}

void StageView::setCopyAnimationMs(int ms) {
    m_scene->setCopyAnimationMs(ms);
}

void StageView::addEvents(std::span<const Event> batch) {
    QScrollBar* bar = verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - kFollowSlack;
    const auto copies = std::count_if(batch.begin(), batch.end(), [](const Event& event) {
        const auto* exited = std::get_if<SyscallExited>(&event.payload);
        return exited != nullptr && exited->call.movesData();
    });
    m_scene->addEvents(batch, m_scene->copyAnimationMs() > 0 && copies <= kMaxAnimatedCopiesPerBatch);
    if (following) {
        bar->setValue(bar->maximum());
    }
    pinHeaders();
}

bool StageView::revealPhase(Phase phase) {
    const std::optional<double> rowY = m_scene->phaseStartY(phase);
    if (!rowY) {
        return false;
    }
    // One and a half rows of context above, so the row before is whole and not under the headers.
    const double top = *rowY - m_scene->headerHeight() - 1.5 * m_scene->geometry().rowHeight;
    verticalScrollBar()->setValue(static_cast<int>(top * transform().m22()));
    pinHeaders();
    return true;
}

void StageView::pinHeaders() {
    m_scene->pinHeaders(std::max(0.0, mapToScene(0, 0).y()));
}

void StageView::fitWidth() {
    const double sceneWidth = m_scene->sceneRect().width();
    const double available = viewport()->width();
    const double scale = sceneWidth > 0.0 ? std::min(1.0, available / sceneWidth) : 1.0;
    setTransform(QTransform::fromScale(scale, scale));
}

void StageView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    pinHeaders();
}

void StageView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitWidth();
    pinHeaders();
}

} // namespace ipclab
