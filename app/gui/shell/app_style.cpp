#include "gui/shell/app_style.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace ipclab {

namespace {
constexpr double kBasePointSize = 11.0;
}

void applyAppStyle(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette palette;
    palette.setColor(QPalette::Window, QColor::fromRgb(0xf3f4f7));
    palette.setColor(QPalette::WindowText, QColor::fromRgb(0x1d1d24));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor::fromRgb(0xf6f7fa));
    palette.setColor(QPalette::Text, QColor::fromRgb(0x1d1d24));
    palette.setColor(QPalette::Button, QColor::fromRgb(0xfafbfc));
    palette.setColor(QPalette::ButtonText, QColor::fromRgb(0x1d1d24));
    palette.setColor(QPalette::Highlight, QColor::fromRgb(0x2f6fc4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor::fromRgb(0xfffdf0));
    palette.setColor(QPalette::ToolTipText, QColor::fromRgb(0x1d1d24));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor::fromRgb(0xa0a0aa));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor::fromRgb(0xa0a0aa));
    app.setPalette(palette);

    QFont font = app.font();
    font.setPointSizeF(kBasePointSize);
    app.setFont(font);

    app.setStyleSheet(QStringLiteral("QGroupBox { font-weight: bold; border: 1px solid #d5d8e0; border-radius: 6px;"
                                     " margin-top: 14px; padding: 8px 6px 6px 6px; background: #fbfbfd; }"
                                     "QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }"
                                     "QHeaderView::section { padding: 4px 6px; }"));
}

} // namespace ipclab
