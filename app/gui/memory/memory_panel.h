#pragma once

#include "events/event.h"
#include "gui/common/event_view.h"
#include "gui/memory/mapping_tracker.h"

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace ipclab {

class MemoryScene;
class MemoryView;
class SharedPageModel;

/// The Memory tab: the memory view (pages, frames and the lines between them) above the
/// shared-page grid and a hex/ASCII view of the bytes each process sees in the selected page.
/// Fed the run's event batches (which arrive at the session controller's fixed rate, so the
/// drawing is throttled with them). GUI thread only.
class MemoryPanel : public QWidget, public EventView {
    Q_OBJECT
public:
    explicit MemoryPanel(QWidget* parent = nullptr);

    /// Forgets the run: nothing mapped, an empty grid.
    void clear() override;
    /// Takes a batch; redraws once if anything in it changed the picture. The tracker names each
    /// process from its announcement in the batch.
    void addEvents(std::span<const Event> batch, const ProcessNames& names) override;

    const MappingTracker& tracker() const { return m_tracker; }
    MemoryView* view() const { return m_view; }
    MemoryScene* memoryScene() const;
    SharedPageModel* grid() const { return m_grid; }
    QTableView* gridView() const { return m_gridView; }
    /// The hex/ASCII text now shown for the selected page.
    QString bytesText() const;
    /// Shows page `index`'s bytes as each process reads them.
    void showBytes(int index);

signals:
    /// The run's first mapping snapshot arrived (once per run): the Memory tab comes forward.
    void firstSnapshot();

private:
    void refresh();
    QString bytesOf(const MappingTracker::Process& process, int index) const;

    MappingTracker m_tracker;
    MemoryView* m_view;
    SharedPageModel* m_grid;
    QTableView* m_gridView;
    QPlainTextEdit* m_bytes;
    int m_shownPage = 0;
    bool m_announced = false;
};

} // namespace ipclab
