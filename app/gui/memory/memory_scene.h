#pragma once

#include "gui/memory/mapping_tracker.h"
#include "gui/memory/memory_geometry.h"

#include <QGraphicsScene>
#include <QStringList>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

class QGraphicsTextItem;

namespace ipclab {

class PageItem;
class PageLinkItem;

/// The memory view's content, rebuilt from a MappingTracker: for each process with a snapshot,
/// a column of its virtual pages of the shared object (its own addresses) and, below, a page
/// of its own heap; in the middle the physical frames behind them, sorted by frame number with
/// a break wherever two are not neighbours in RAM; a line from every present page to its
/// frame. When the kernel hid frame numbers the middle column shows the object's pages instead
/// (same inode and offset in every process), lines are dashed, and no frame number appears.
/// GUI thread only.
class MemoryScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit MemoryScene(QObject* parent = nullptr);

    /// Replaces everything drawn with the state in `tracker`.
    void rebuild(const MappingTracker& tracker);

    const MemoryGeometry& geometry() const { return m_geometry; }
    const std::vector<PageLinkItem*>& links() const { return m_links; }
    /// The box of frame `pfn`, or nullptr (always, when frame numbers are hidden).
    PageItem* frameItem(std::uint64_t pfn) const;
    /// The box of page `index` of `pid`'s mapping; index -1 is its private heap page.
    PageItem* pageItem(int pid, int index) const;
    int frameCount() const { return static_cast<int>(m_frames.size()); }
    /// Every text the scene shows, for tests and for accessibility.
    QStringList texts() const;

signals:
    /// The scene's extent may have changed: the view refits.
    void rebuilt();

private:
    struct Column {
        const MappingTracker::Process* process = nullptr;
        int slot = 0;
        QColor accent;
    };
    /// Which processes reach a frame, and from which virtual addresses.
    struct Reach {
        std::vector<int> pids;
        QStringList names;
        std::vector<std::uint64_t> addresses;
    };
    using ReachMap = std::map<std::uint64_t, Reach>;

    static ReachMap reachOf(const std::vector<Column>& columns, bool shared);
    void addPlaceholder();
    /// The object's name and the lead sentence; returns their bottom.
    double addTitles(const std::vector<Column>& columns, const MappingTracker& tracker);
    /// Each column's name, range, inode, faults and smaps, from `y`; returns their bottom.
    double addHeaders(const std::vector<Column>& columns, bool hidden, double y);
    double addPages(const Column& column, const std::vector<PageInfo>& pages, double top, bool shared, bool hidden);
    double addFrames(const ReachMap& reach, double top);
    double addObjectPages(const std::vector<Column>& columns, std::size_t count, double top);
    void addLinks(const std::vector<Column>& columns, bool shared, bool hidden);
    /// What sharing the frames show: how many, from whom, contiguous or not, heap pages apart.
    QString leadSentence(const std::vector<Column>& columns) const;
    /// What a minor fault is and, without frame numbers, the evidence of sharing; returns the bottom.
    double addNotes(const MappingTracker& tracker, double top);
    QGraphicsTextItem* addWrapped(const QString& text, double x, double y, double width, const QFont& font,
                                  const QColor& colour);

    MemoryGeometry m_geometry;
    std::map<std::uint64_t, PageItem*> m_frames;
    std::map<int, PageItem*> m_objectPages; ///< by page index, when frame numbers are hidden
    std::map<std::pair<int, int>, PageItem*> m_pages;
    std::vector<PageLinkItem*> m_links;
};

} // namespace ipclab
