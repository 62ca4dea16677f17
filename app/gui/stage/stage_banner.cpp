#include "gui/stage/stage_banner.h"

namespace ipclab {

namespace {

QString styleFor(StageBanner::Tone tone) {
    const char* colours = "";
    switch (tone) {
    case StageBanner::Tone::Info:
        colours = "background:#e6f0fb; color:#1c3d66; border:1px solid #9dbde6;";
        break;
    case StageBanner::Tone::Warning:
        colours = "background:#fff4d6; color:#5c4300; border:1px solid #e6c15c;";
        break;
    case StageBanner::Tone::Error:
        colours = "background:#fde4e1; color:#7a1a10; border:1px solid #e79a90;";
        break;
    case StageBanner::Tone::Held:
        colours = "background:#efe6fa; color:#3d1f66; border:1px solid #b69ae0; font-weight:bold;";
        break;
    }
    return QStringLiteral("QLabel { %1 border-radius:6px; padding:8px 12px; }").arg(QLatin1String(colours));
}

} // namespace

StageBanner::StageBanner(QWidget* parent) : QLabel(parent) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    hide();
}

void StageBanner::showMessage(const QString& text, Tone tone) {
    m_tone = tone;
    setStyleSheet(styleFor(tone));
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace ipclab
