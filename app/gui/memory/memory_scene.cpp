#include "gui/memory/memory_scene.h"

#include "gui/common/text_format.h"
#include "gui/memory/memory_text.h"
#include "gui/memory/page_item.h"
#include "gui/stage/stage_palette.h"
#include "observe/pagemap_reader.h"

#include <QFontDatabase>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QTextOption>
#include <algorithm>

namespace ipclab {

namespace {
constexpr double kTitleHeight = 34.0; ///< the object's name, above the lead sentence
constexpr double kTitleLine = 22.0;   ///< a column's name, above its detail lines
constexpr double kHeaderGap = 14.0;   ///< between the column headers and the first page
constexpr double kNoteGap = 30.0;     ///< between the heap pages and the notes below

QGraphicsSimpleTextItem* placeText(QGraphicsScene* scene, const QString& text, const QFont& font, const QColor& colour,
                                   QPointF at) {
    auto* item = scene->addSimpleText(text, font);
    item->setBrush(colour);
    item->setPos(at);
    return item;
}

QFont monoFont() {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(StagePalette::smallFont().pointSizeF());
    return mono;
}

} // namespace

MemoryScene::MemoryScene(QObject* parent) : QGraphicsScene(parent) {
    setBackgroundBrush(StagePalette::background());
    addPlaceholder();
}

void MemoryScene::rebuild(const MappingTracker& tracker) {
    clear();
    m_frames.clear();
    m_objectPages.clear();
    m_pages.clear();
    m_links.clear();
    const std::vector<const MappingTracker::Process*> mapped = tracker.mapped();
    if (mapped.empty()) {
        addPlaceholder();
        emit rebuilt();
        return;
    }
    std::vector<Column> columns;
    for (std::size_t i = 0; i < mapped.size(); ++i) {
        columns.push_back({mapped[i], MemoryGeometry::slotForProcess(static_cast<int>(i)),
                           StagePalette::processAccent(mapped[i]->ordinal)});
    }
    const bool hidden = tracker.pfnsHidden();
    const double top = addHeaders(columns, hidden, addTitles(columns, tracker)) + kHeaderGap;
    double bottom = top;
    for (const Column& column : columns) {
        bottom = std::max(bottom, addPages(column, column.process->latest->pages, top, true, hidden));
    }
    bottom = std::max(bottom, hidden ? addObjectPages(columns, tracker.pageCount(), top)
                                     : addFrames(reachOf(columns, true), top));
    addLinks(columns, true, hidden);

    const double privateTop = bottom + m_geometry.sectionGap;
    placeText(this, tr("Below: one page of each process's own heap, for contrast"), StagePalette::smallFont(),
              StagePalette::mutedText(), {m_geometry.framesLeft() - m_geometry.linkSpan + 12.0, privateTop - 26.0});
    double privateBottom = privateTop;
    for (const Column& column : columns) {
        privateBottom =
            std::max(privateBottom, addPages(column, column.process->latest->privatePages, privateTop, false, hidden));
    }
    if (!hidden) {
        privateBottom = std::max(privateBottom, addFrames(reachOf(columns, false), privateTop));
        addLinks(columns, false, false);
    }
    const double end = addNotes(tracker, privateBottom + kNoteGap);
    const double half = m_geometry.sceneHalfWidth(static_cast<int>(columns.size()));
    setSceneRect(-half, 0.0, 2.0 * half, end + m_geometry.margin);
    emit rebuilt();
}

MemoryScene::ReachMap MemoryScene::reachOf(const std::vector<Column>& columns, bool shared) {
    ReachMap reach;
    for (const Column& column : columns) {
        const MappingSnapshot& snapshot = *column.process->latest;
        for (const PageInfo& page : shared ? snapshot.pages : snapshot.privatePages) {
            if (!page.present || !page.pfn) {
                continue;
            }
            Reach& entry = reach[*page.pfn];
            if (std::find(entry.pids.begin(), entry.pids.end(), column.process->pid) == entry.pids.end()) {
                entry.pids.push_back(column.process->pid);
                entry.names << fromStd(column.process->name);
            }
            entry.addresses.push_back(page.address);
        }
    }
    return reach;
}

void MemoryScene::addPlaceholder() {
    setSceneRect(-360.0, 0.0, 720.0, 160.0);
    addWrapped(tr("No shared mapping observed yet. Run a shared-memory scenario: each process's pages of the "
                  "segment appear here, with the physical frames behind them, as the kernel reports them."),
               -330.0, 40.0, 660.0, StagePalette::labelFont(), StagePalette::mutedText());
}

double MemoryScene::addTitles(const std::vector<Column>& columns, const MappingTracker& tracker) {
    QString title = fromStd(tracker.objectName());
    title += tr(" · %1 page(s) of %2").arg(tracker.pageCount()).arg(formatBytes(pageSize()));
    auto* heading = placeText(this, title, StagePalette::titleFont(), StagePalette::text(), {0.0, m_geometry.margin});
    heading->setX(-heading->boundingRect().width() / 2.0);
    // The one sentence the picture proves, or, without frame numbers, why they are missing.
    const bool hidden = tracker.pfnsHidden();
    const QString lead =
        hidden ? tr("Frame numbers hidden: %1").arg(fromStd(tracker.hiddenReason())) : leadSentence(columns);
    const double half = m_geometry.sceneHalfWidth(static_cast<int>(columns.size())) - m_geometry.margin;
    auto* item = addWrapped(lead, -half, m_geometry.margin + kTitleHeight, 2.0 * half, StagePalette::labelFont(),
                            hidden ? QColor::fromRgb(0x7a5200) : StagePalette::kernelAccent());
    item->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
    item->setTextWidth(2.0 * half);
    return item->y() + item->boundingRect().height();
}

double MemoryScene::addHeaders(const std::vector<Column>& columns, bool hidden, double y) {
    QFont bold = StagePalette::labelFont();
    bold.setBold(true);
    double bottom = y;
    for (const Column& column : columns) {
        const MappingSnapshot& snapshot = *column.process->latest;
        const double x = m_geometry.columnLeft(column.slot);
        placeText(this, memory_text::columnTitle(*column.process), bold, column.accent, {x, y});
        const QStringList lines{memory_text::address(snapshot.start) + QStringLiteral(" – ") +
                                    memory_text::address(snapshot.start + snapshot.length),
                                memory_text::inodeLine(snapshot), memory_text::faults(*column.process),
                                memory_text::smaps(snapshot)};
        double lineY = y + kTitleLine;
        for (int i = 0; i < lines.size(); ++i) {
            auto* line = placeText(this, lines[i], i == 0 ? monoFont() : StagePalette::smallFont(),
                                   i == 0 ? StagePalette::text() : StagePalette::mutedText(), {x, lineY});
            lineY += line->boundingRect().height();
        }
        bottom = std::max(bottom, lineY);
    }
    const double x = m_geometry.framesLeft();
    placeText(this, hidden ? tr("The object's pages") : tr("Physical frames (RAM)"), bold, StagePalette::kernelAccent(),
              {x, y});
    placeText(this, hidden ? tr("no frame numbers: see below") : tr("sorted by frame number"),
              StagePalette::smallFont(), StagePalette::mutedText(), {x, y + kTitleLine});
    return bottom;
}

PageItem* MemoryScene::frameItem(std::uint64_t pfn) const {
    const auto found = m_frames.find(pfn);
    return found != m_frames.end() ? found->second : nullptr;
}

PageItem* MemoryScene::pageItem(int pid, int index) const {
    const auto found = m_pages.find({pid, index});
    return found != m_pages.end() ? found->second : nullptr;
}

QStringList MemoryScene::texts() const {
    QStringList result;
    for (const QGraphicsItem* item : items(Qt::AscendingOrder)) {
        if (const auto* simple = qgraphicsitem_cast<const QGraphicsSimpleTextItem*>(item)) {
            result << simple->text();
        } else if (const auto* rich = qgraphicsitem_cast<const QGraphicsTextItem*>(item)) {
            result << rich->toPlainText();
        }
    }
    return result;
}

} // namespace ipclab
