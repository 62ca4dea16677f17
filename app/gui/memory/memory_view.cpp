#include "gui/memory/memory_view.h"

#include "gui/memory/memory_scene.h"
#include "gui/stage/stage_palette.h"

#include <algorithm>

namespace ipclab {

namespace {
constexpr double kSmallestWholeScale = 0.66;
} // namespace

MemoryView::MemoryView(QWidget* parent) : QGraphicsView(parent), m_scene(new MemoryScene(this)) {
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundBrush(StagePalette::background());
    setFrameShape(QFrame::NoFrame);
    connect(m_scene, &MemoryScene::rebuilt, this, &MemoryView::fitWidth);
}

void MemoryView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitWidth();
}

void MemoryView::fitWidth() {
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty()) {
        return;
    }
    const double byWidth = (viewport()->width() - 4.0) / rect.width();
    const double byHeight = (viewport()->height() - 4.0) / rect.height();
    // The whole picture when that keeps the text readable; below that, full width and a scroll bar.
    const double scale = std::min({1.0, byWidth, std::max(byHeight, kSmallestWholeScale)});
    setTransform(QTransform::fromScale(scale, scale));
}

} // namespace ipclab
