#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QSizePolicy>
#include <QString>
#include <vector>

class QAction;
class QMainWindow;
class QTableView;

namespace ipclab {

/// Presenter mode for a classroom: full screen, type about 1.6 times larger, high contrast, and
/// the stage drawn with the colour-blind-safe presenter palette and thick lines
/// (StagePalette::Scheme::Presenter). Turning it off restores the font, palette, style sheet
/// and window state exactly as they were. GUI thread only.
class PresenterMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kFontScale = 1.5;

    /// `window` is shown full screen while presenting; it outlives this object.
    explicit PresenterMode(QMainWindow* window);

    bool active() const { return m_active; }
    void setActive(bool active);
    /// View → Presenter mode (F11), checkable.
    QAction* action() const { return m_action; }

signals:
    void toggled(bool active);

private:
    void enter();
    void leave();
    void repaintViews();
    void scaleOwnFonts();
    void scaleTableRows();

    QMainWindow* m_window;
    QAction* m_action;
    bool m_active = false;
    QFont m_savedFont;
    QPalette m_savedPalette;
    QString m_savedStyleSheet;
    Qt::WindowStates m_savedState;
    /// Widgets with a font of their own (titles, prompts) do not follow the app font: scaled apart.
    struct OwnFont {
        QPointer<QWidget> widget;
        QFont font;
        QSizePolicy policy;
    };
    std::vector<OwnFont> m_ownFonts;
    /// Tables size their rows for the font they were built with: rows and minimum height, saved.
    struct TableRows {
        QPointer<QTableView> table;
        int rowHeight = 0;
        int minimumHeight = 0;
    };
    std::vector<TableRows> m_tables;
};

} // namespace ipclab
