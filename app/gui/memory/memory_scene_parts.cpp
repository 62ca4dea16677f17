#include "gui/memory/memory_scene.h"

#include "gui/common/text_format.h"
#include "gui/memory/frame_gap_item.h"
#include "gui/memory/memory_text.h"
#include "gui/memory/page_item.h"
#include "gui/memory/page_link_item.h"
#include "gui/stage/stage_palette.h"
#include "observe/pagemap_reader.h"

#include <QGraphicsTextItem>
#include <QTextDocument>
#include <algorithm>
#include <optional>

// The per-part builders of MemoryScene: pages, frames, lines and the words below them.

namespace ipclab {

namespace {
QString privateDetail(const PageInfo& page, bool hidden) {
    if (!page.present) {
        return QObject::tr("own heap · not present");
    }
    if (hidden && page.exclusivelyMapped) {
        return QObject::tr("own heap · only this process maps it");
    }
    return QObject::tr("own heap · private");
}
} // namespace

double MemoryScene::addPages(const Column& column, const std::vector<PageInfo>& pages, double top, bool shared,
                             bool hidden) {
    const int pid = column.process->pid;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const PageInfo& page = pages[i];
        const int index = static_cast<int>(i);
        const QRectF rect(m_geometry.columnLeft(column.slot), m_geometry.pageY(index, top), m_geometry.pageWidth,
                          m_geometry.pageHeight);
        auto* item =
            new PageItem(rect, column.accent, page.present ? PageItem::Style::Present : PageItem::Style::Absent);
        addItem(item);
        item->setTexts(memory_text::address(page.address),
                       shared ? memory_text::pageDetail(index, page, hidden) : privateDetail(page, hidden));
        m_pages[{pid, shared ? index : -1 - index}] = item;
    }
    return m_geometry.rowsBottom(static_cast<int>(pages.size()), top);
}

double MemoryScene::addFrames(const ReachMap& reach, double top) {
    std::vector<std::uint64_t> pfns;
    for (const auto& [pfn, entry] : reach) {
        pfns.push_back(pfn);
    }
    const FrameLayout layout = m_geometry.layoutFrames(pfns, top);
    for (const FrameLayout::Frame& frame : layout.frames) {
        const Reach& entry = reach.at(frame.pfn);
        const QRectF rect(m_geometry.framesLeft(), frame.y, m_geometry.frameWidth, m_geometry.pageHeight);
        auto* item = new PageItem(rect, StagePalette::kernelAccent(),
                                  entry.pids.size() > 1 ? PageItem::Style::SharedFrame : PageItem::Style::Frame);
        addItem(item);
        item->setTexts(memory_text::frameNumber(frame.pfn),
                       tr("reached by %1").arg(entry.names.join(QStringLiteral(", "))));
        m_frames[frame.pfn] = item;
    }
    for (const FrameLayout::Gap& gap : layout.gaps) {
        const QRectF rect(m_geometry.framesLeft(), gap.y, m_geometry.frameWidth, m_geometry.gapMarkerHeight());
        addItem(new FrameGapItem(rect, gap.skipped));
    }
    return layout.bottom;
}

double MemoryScene::addObjectPages(const std::vector<Column>& columns, std::size_t count, double top) {
    const MappingSnapshot& reference = *columns.front().process->latest;
    for (std::size_t i = 0; i < count; ++i) {
        int holders = 0;
        for (const Column& column : columns) {
            const auto& pages = column.process->latest->pages;
            holders += i < pages.size() && pages[i].present ? 1 : 0;
        }
        const int index = static_cast<int>(i);
        const QRectF rect(m_geometry.framesLeft(), m_geometry.pageY(index, top), m_geometry.frameWidth,
                          m_geometry.pageHeight);
        auto* item = new PageItem(rect, StagePalette::kernelAccent(),
                                  holders > 1 ? PageItem::Style::SharedFrame : PageItem::Style::Frame);
        addItem(item);
        item->setTexts(tr("object page %1").arg(index),
                       tr("at offset %1").arg(memory_text::address(reference.offset + i * pageSize())));
        m_objectPages[index] = item;
    }
    return m_geometry.rowsBottom(static_cast<int>(count), top);
}

void MemoryScene::addLinks(const std::vector<Column>& columns, bool shared, bool hidden) {
    const MappingSnapshot& reference = *columns.front().process->latest;
    for (const Column& column : columns) {
        const MappingSnapshot& snapshot = *column.process->latest;
        // Without frame numbers a line follows the object's page, which is only sound when both
        // map the same object from the same offset.
        const bool sameObject = snapshot.inode == reference.inode && snapshot.offset == reference.offset;
        const auto& pages = shared ? snapshot.pages : snapshot.privatePages;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const int index = static_cast<int>(i);
            PageItem* target = nullptr;
            if (!pages[i].present) {
                continue;
            }
            if (hidden && shared && sameObject && m_objectPages.count(index) != 0) {
                target = m_objectPages.at(index);
            } else if (!hidden && pages[i].pfn) {
                target = frameItem(*pages[i].pfn);
            }
            PageItem* page = pageItem(column.process->pid, shared ? index : -1 - index);
            if (target == nullptr || page == nullptr) {
                continue;
            }
            auto* link =
                new PageLinkItem(page, target, column.process->pid, shared ? index : -1, column.accent, hidden);
            addItem(link);
            m_links.push_back(link);
        }
    }
}

QString MemoryScene::leadSentence(const std::vector<Column>& columns) const {
    int sharedFrames = 0;
    int breaks = 0;
    bool addressesDiffer = false;
    QStringList sharers;
    std::optional<std::uint64_t> previous;
    for (const auto& [pfn, entry] : reachOf(columns, true)) {
        breaks += previous && pfn != *previous + 1 ? 1 : 0;
        previous = pfn;
        if (entry.pids.size() < 2) {
            continue;
        }
        ++sharedFrames;
        addressesDiffer = addressesDiffer || std::adjacent_find(entry.addresses.begin(), entry.addresses.end(),
                                                                std::not_equal_to<>()) != entry.addresses.end();
        for (const QString& name : entry.names) {
            if (!sharers.contains(name)) {
                sharers << name;
            }
        }
    }
    QString text = memory_text::sharingSummary(sharedFrames, sharers, addressesDiffer, breaks);
    const ReachMap own = reachOf(columns, false);
    if (!own.empty() && std::all_of(own.begin(), own.end(), [](const auto& e) { return e.second.pids.size() == 1; })) {
        text += tr(" Each heap page has a frame that no other process reaches.");
    }
    return text;
}

double MemoryScene::addNotes(const MappingTracker& tracker, double top) {
    QString text = memory_text::faultNote();
    if (tracker.pfnsHidden()) {
        text = memory_text::hiddenEvidence(tracker) + QStringLiteral("\n\n") + text;
    }
    const double half = m_geometry.sceneHalfWidth(static_cast<int>(tracker.mapped().size())) - m_geometry.margin;
    const auto* item = addWrapped(text, -half, top, 2.0 * half, StagePalette::smallFont(), StagePalette::text());
    return top + item->boundingRect().height();
}

QGraphicsTextItem* MemoryScene::addWrapped(const QString& text, double x, double y, double width, const QFont& font,
                                           const QColor& colour) {
    auto* item = addText(text, font);
    item->setDefaultTextColor(colour);
    item->setTextWidth(width);
    item->setPos(x, y);
    return item;
}

} // namespace ipclab
