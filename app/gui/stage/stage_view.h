#pragma once

#include "events/event.h"

#include <QGraphicsView>
#include <span>

namespace ipclab {

class StageScene;

/// Shows the stage scene like a sequence diagram: follows the newest row unless the user
/// scrolled away, keeps the lane headers pinned at the top, and shrinks to fit the lanes'
/// width. GUI thread only.
class StageView : public QGraphicsView {
    Q_OBJECT
public:
    explicit StageView(QWidget* parent = nullptr);

    /// Forgets everything drawn; the next run starts with only the kernel lane.
    void clear();
    /// Draws `batch` in order and scrolls to the newest row if the view was following.
    void addEvents(std::span<const Event> batch);
    /// How long a copy block travels; 0 places blocks at once.
    void setCopyAnimationMs(int ms);
    /// Scrolls so that the first row of `phase` sits just below the headers; false when no
    /// process announced that phase.
    bool revealPhase(Phase phase);

    StageScene* stageScene() const { return m_scene; }

protected:
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void pinHeaders();
    void fitWidth();

    StageScene* m_scene;
};

} // namespace ipclab
