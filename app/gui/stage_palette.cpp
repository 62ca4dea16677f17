#include "gui/stage_palette.h"

#include <QGuiApplication>
#include <array>

namespace ipclab {

namespace {

// Soft lane fills with a strong accent of the same hue: readable on a projector, calm on a laptop.
constexpr std::array<QRgb, 4> kLaneFills{0xe8f0fb, 0xfdf0e4, 0xe9f6ec, 0xf4ebf8};
constexpr std::array<QRgb, 4> kLaneAccents{0x2f6fc4, 0xd2691e, 0x2e8b57, 0x8e44ad};

QColor cycled(const std::array<QRgb, 4>& colours, int ordinal) {
    const auto index = static_cast<std::size_t>(ordinal < 0 ? 0 : ordinal) % colours.size();
    return QColor::fromRgb(colours[index]);
}

QFont scaled(double factor, bool bold) {
    QFont font = QGuiApplication::font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

QColor StagePalette::background() {
    return QColor::fromRgb(0xfbfbfd);
}
QColor StagePalette::kernelLane() {
    return QColor::fromRgb(0xeeedf3);
}
QColor StagePalette::kernelAccent() {
    return QColor::fromRgb(0x4a4a68);
}
QColor StagePalette::processLane(int ordinal) {
    return cycled(kLaneFills, ordinal);
}
QColor StagePalette::processAccent(int ordinal) {
    return cycled(kLaneAccents, ordinal);
}

QColor StagePalette::phaseColour(Phase phase) {
    switch (phase) {
    case Phase::Startup:
        return QColor::fromRgb(0xa0a0aa);
    case Phase::Setup:
        return QColor::fromRgb(0x5b6b8c);
    case Phase::Transfer:
        return QColor::fromRgb(0x1f2d4d);
    case Phase::Teardown:
        return QColor::fromRgb(0x7d6b5b);
    }
    return text();
}

QColor StagePalette::copyUserToKernel() {
    return QColor::fromRgb(0xc0392b);
}
QColor StagePalette::copyKernelToUser() {
    return QColor::fromRgb(0x16a085);
}
QColor StagePalette::text() {
    return QColor::fromRgb(0x1d1d24);
}
QColor StagePalette::mutedText() {
    return QColor::fromRgb(0x6b6b78);
}

QFont StagePalette::titleFont() {
    return scaled(1.25, true);
}
QFont StagePalette::labelFont() {
    return scaled(1.0, false);
}
QFont StagePalette::smallFont() {
    return scaled(0.9, false);
}

} // namespace ipclab
