#include "gui/memory/memory_panel.h"

#include "gui/common/text_format.h"
#include "gui/memory/hex_dump.h"
#include "gui/memory/memory_scene.h"
#include "gui/memory/memory_text.h"
#include "gui/memory/memory_view.h"
#include "gui/memory/region_fields_text.h"
#include "gui/memory/shared_page_model.h"
#include "observe/pagemap_reader.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ipclab {

MemoryPanel::MemoryPanel(QWidget* parent)
    : QWidget(parent), m_view(new MemoryView(this)), m_grid(new SharedPageModel(this)),
      m_gridView(new QTableView(this)), m_bytes(new QPlainTextEdit(this)) {
    m_gridView->setModel(m_grid);
    m_gridView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_gridView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gridView->verticalHeader()->hide();
    m_gridView->horizontalHeader()->setStretchLastSection(true);
    m_gridView->setWordWrap(false);
    m_bytes->setReadOnly(true);
    m_bytes->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_bytes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bytes->setPlaceholderText(tr("The bytes each process reads in the selected page appear here."));

    auto* below = new QSplitter(Qt::Horizontal, this);
    below->addWidget(m_gridView);
    below->addWidget(m_bytes);
    below->setSizes({700, 580});
    auto* column = new QSplitter(Qt::Vertical, this);
    column->addWidget(m_view);
    column->addWidget(below);
    column->setStretchFactor(0, 3);
    column->setStretchFactor(1, 1);
    column->setSizes({740, 230}); // the picture first; the grid needs only a few rows
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(column);

    connect(m_gridView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showBytes(current.isValid() ? current.row() : 0); });
    connect(m_grid, &QAbstractItemModel::modelReset, this, [this] {
        // A reset drops the selection; keep the page the user was looking at.
        if (m_shownPage < m_grid->rowCount()) {
            m_gridView->selectRow(m_shownPage);
        }
        m_gridView->resizeColumnsToContents();
    });
}

MemoryScene* MemoryPanel::memoryScene() const {
    return m_view->memoryScene();
}

void MemoryPanel::clear() {
    m_tracker.clear();
    m_announced = false;
    m_shownPage = 0;
    m_grid->clear();
    m_bytes->clear();
    m_view->memoryScene()->rebuild(m_tracker);
}

void MemoryPanel::addEvents(std::span<const Event> batch, const ProcessNames& /*names*/) {
    bool changed = false;
    for (const Event& event : batch) {
        changed = m_tracker.add(event) || changed;
    }
    if (!changed) {
        return;
    }
    refresh();
    if (!m_announced && m_tracker.hasSnapshot()) {
        m_announced = true;
        emit firstSnapshot();
    }
}

void MemoryPanel::refresh() {
    m_view->memoryScene()->rebuild(m_tracker);
    m_grid->update(m_tracker);
    showBytes(m_shownPage);
}

QString MemoryPanel::bytesText() const {
    return m_bytes->toPlainText();
}

void MemoryPanel::showBytes(int index) {
    m_shownPage = index;
    if (!m_tracker.hasSnapshot()) {
        m_bytes->clear();
        return;
    }
    QStringList parts;
    for (const MappingTracker::Process* process : m_tracker.mapped()) {
        parts << bytesOf(*process, index);
    }
    m_bytes->setPlainText(parts.join(QStringLiteral("\n\n")));
}

QString MemoryPanel::bytesOf(const MappingTracker::Process& process, int index) const {
    const MappingSnapshot& snapshot = *process.latest;
    const auto page = static_cast<std::size_t>(index);
    const QString name = fromStd(process.name);
    if (page >= snapshot.pages.size()) {
        return tr("%1 does not map page %2.").arg(name).arg(index);
    }
    QString text =
        tr("%1 reads page %2 at %3:").arg(name).arg(index).arg(memory_text::address(snapshot.pages[page].address));
    if (page >= snapshot.heads.size() || snapshot.heads[page].empty()) {
        return text + QLatin1Char('\n') +
               (snapshot.pages[page].present
                    ? tr("(no bytes sampled)")
                    : tr("(not present: %1 has not touched it, so it has no frame yet)").arg(name));
    }
    const std::uint64_t pageStart = page * pageSize();
    if (snapshot.dataOffset && *snapshot.dataOffset >= pageStart && *snapshot.dataOffset < pageStart + pageSize()) {
        text += tr(" (the payload starts at offset %1)").arg(memory_text::address(*snapshot.dataOffset));
    }
    const QStringList legend = region_fields_text::legendForPage(snapshot.fields, pageStart, pageSize());
    if (!legend.isEmpty()) {
        text += QLatin1Char('\n') + tr("What the program keeps here, as it announced it:") + QLatin1Char('\n') +
                legend.join(QLatin1Char('\n'));
    }
    const QStringList dump =
        region_fields_text::annotateDump(hexDumpLines(snapshot.heads[page], pageStart), snapshot.fields, pageStart);
    return text + QLatin1Char('\n') + dump.join(QLatin1Char('\n'));
}

} // namespace ipclab
