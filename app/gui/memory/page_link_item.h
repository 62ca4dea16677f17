#pragma once

#include <QGraphicsPathItem>

namespace ipclab {

class PageItem;

/// The line from a process's present page to the frame behind it. Knows both ends, so a test
/// can check that two processes' lines meet at the same frame item. Dashed when the frame is
/// not known by number (the kernel hid it) and the line only follows the object's page.
/// GUI thread only; owned by the scene.
class PageLinkItem : public QGraphicsPathItem {
public:
    PageLinkItem(PageItem* page, PageItem* frame, int pid, int pageIndex, QColor colour, bool inferred);

    PageItem* page() const { return m_page; }
    PageItem* frame() const { return m_frame; }
    int pid() const { return m_pid; }
    /// The page's index in the object, or -1 for a private (heap) page.
    int pageIndex() const { return m_pageIndex; }

private:
    PageItem* m_page;
    PageItem* m_frame;
    int m_pid;
    int m_pageIndex;
};

} // namespace ipclab
