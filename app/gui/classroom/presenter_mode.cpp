#include "gui/classroom/presenter_mode.h"

#include "gui/stage/stage_palette.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QFontMetrics>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QTableView>

namespace ipclab {

namespace {

/// Black on white with an Okabe–Ito blue for selection: the strongest contrast a projector keeps.
QPalette presenterPalette() {
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor::fromRgb(0xededed));
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Button, QColor::fromRgb(0xf2f2f2));
    palette.setColor(QPalette::ButtonText, Qt::black);
    palette.setColor(QPalette::Highlight, QColor::fromRgb(0x0072b2));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, Qt::white);
    palette.setColor(QPalette::ToolTipText, Qt::black);
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor::fromRgb(0x6e6e6e));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor::fromRgb(0x6e6e6e));
    return palette;
}

// Thick frames and tabs that are easy to point at; appended to the app's own style sheet.
constexpr auto kPresenterSheet = "QGroupBox { border: 2px solid #000000; background: #ffffff; }"
                                 "QTabBar::tab { padding: 8px 16px; }"
                                 "QTabBar::tab:selected { border-bottom: 4px solid #0072b2; font-weight: bold; }"
                                 "QPushButton { border: 2px solid #000000; border-radius: 4px; padding: 4px 12px;"
                                 " background: #f2f2f2; }"
                                 "QPushButton:disabled { border-color: #9a9a9a; }"
                                 "QPushButton:checked { background: #0072b2; color: #ffffff; }";

} // namespace

PresenterMode::PresenterMode(QMainWindow* window)
    : QObject(window), m_window(window), m_action(new QAction(tr("Presenter mode"), window)) {
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    m_action->setShortcutContext(Qt::ApplicationShortcut);
    m_action->setStatusTip(tr("Full screen, large type, high contrast and a colour-blind-safe palette"));
    // The window keeps the action so that F11 works while the menu bar is hidden in full screen.
    window->addAction(m_action);
    connect(m_action, &QAction::toggled, this, &PresenterMode::setActive);
}

void PresenterMode::setActive(bool active) {
    if (active == m_active) {
        return;
    }
    m_active = active;
    if (active) {
        enter();
    } else {
        leave();
    }
    m_action->setChecked(active);
    repaintViews();
    emit toggled(active);
}

void PresenterMode::enter() {
    m_savedFont = QApplication::font();
    m_savedPalette = QApplication::palette();
    m_savedStyleSheet = qApp->styleSheet();
    m_savedState = m_window->windowState();
    QFont large = m_savedFont;
    large.setPointSizeF(m_savedFont.pointSizeF() * kFontScale);
    QApplication::setFont(large);
    QApplication::setPalette(presenterPalette());
    qApp->setStyleSheet(m_savedStyleSheet + QLatin1String(kPresenterSheet));
    StagePalette::setScheme(StagePalette::Scheme::Presenter);
    scaleOwnFonts();
    scaleTableRows();
    m_window->setWindowState(m_savedState | Qt::WindowFullScreen);
}

void PresenterMode::scaleOwnFonts() {
    m_ownFonts.clear();
    for (QWidget* widget : m_window->findChildren<QWidget*>()) {
        if (widget->testAttribute(Qt::WA_SetFont) && widget->font().pointSizeF() > 0) {
            m_ownFonts.push_back({widget, widget->font(), widget->sizePolicy()});
            // A one-line label in larger type would widen the window past the screen: it may be cut instead.
            if (auto* label = qobject_cast<QLabel*>(widget); label != nullptr && !label->wordWrap()) {
                QSizePolicy policy = label->sizePolicy();
                policy.setHorizontalPolicy(QSizePolicy::Ignored);
                label->setSizePolicy(policy);
            }
            // As many points more as the app font gained: titles stay a step above the text
            // without growing so wide that the window no longer fits the screen.
            QFont larger = widget->font();
            larger.setPointSizeF(larger.pointSizeF() + QApplication::font().pointSizeF() - m_savedFont.pointSizeF());
            widget->setFont(larger);
        }
    }
}

void PresenterMode::scaleTableRows() {
    m_tables.clear();
    const int rowHeight = QFontMetrics(QApplication::font()).height() + 8;
    for (QTableView* table : m_window->findChildren<QTableView*>()) {
        m_tables.push_back({table, table->verticalHeader()->defaultSectionSize(), table->minimumHeight()});
        table->verticalHeader()->setDefaultSectionSize(rowHeight);
        if (table->minimumHeight() > 0) {
            table->setMinimumHeight(static_cast<int>(table->minimumHeight() * kFontScale));
        }
    }
}

void PresenterMode::leave() {
    QApplication::setFont(m_savedFont);
    QApplication::setPalette(m_savedPalette);
    qApp->setStyleSheet(m_savedStyleSheet);
    StagePalette::setScheme(StagePalette::Scheme::Calm);
    for (const OwnFont& own : m_ownFonts) {
        if (own.widget) {
            own.widget->setFont(own.font);
            own.widget->setSizePolicy(own.policy);
        }
    }
    for (const TableRows& rows : m_tables) {
        if (rows.table) {
            rows.table->verticalHeader()->setDefaultSectionSize(rows.rowHeight);
            rows.table->setMinimumHeight(rows.minimumHeight);
        }
    }
    m_ownFonts.clear();
    m_tables.clear();
    m_window->setWindowState(m_savedState);
}

void PresenterMode::repaintViews() {
    // Items read the palette when they paint, so a repaint is enough for what is on screen;
    // scene backgrounds follow the palette too.
    const StagePalette::Scheme now = StagePalette::scheme();
    StagePalette::setScheme(now == StagePalette::Scheme::Presenter ? StagePalette::Scheme::Calm
                                                                   : StagePalette::Scheme::Presenter);
    const QColor before = StagePalette::background();
    StagePalette::setScheme(now);
    for (QGraphicsView* view : m_window->findChildren<QGraphicsView*>()) {
        // Only the views painted with the stage's background (charts keep their own).
        if (view->backgroundBrush().color() == before) {
            view->setBackgroundBrush(StagePalette::background());
        }
    }
    for (QAbstractScrollArea* area : m_window->findChildren<QAbstractScrollArea*>()) {
        area->viewport()->update();
    }
}

} // namespace ipclab
