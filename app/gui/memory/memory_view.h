#pragma once

#include <QGraphicsView>

namespace ipclab {

class MemoryScene;

/// Shows the memory scene, shrunk to fit the view (never enlarged); when the whole would be too
/// small to read, it fits the width and scrolls vertically. GUI thread only.
class MemoryView : public QGraphicsView {
    Q_OBJECT
public:
    explicit MemoryView(QWidget* parent = nullptr);

    MemoryScene* memoryScene() const { return m_scene; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitWidth();

    MemoryScene* m_scene;
};

} // namespace ipclab
