#include "gui/stage/stage_palette.h"

#include <QGuiApplication>
#include <array>

namespace ipclab {

namespace {

// Soft lane fills with a strong accent of the same hue: readable on a projector, calm on a laptop.
constexpr std::array<QRgb, 4> kLaneFills{0xe8f0fb, 0xfdf0e4, 0xe9f6ec, 0xf4ebf8};
constexpr std::array<QRgb, 4> kLaneAccents{0x2f6fc4, 0xd2691e, 0x2e8b57, 0x8e44ad};

// Presenter: white lanes tinted just enough to tell apart, Okabe–Ito accents (blue, vermillion,
// bluish green, reddish purple), black text.
constexpr std::array<QRgb, 4> kPresenterFills{0xe6f1f8, 0xfbe9dc, 0xe0f3ec, 0xf7e8f0};
constexpr std::array<QRgb, 4> kPresenterAccents{0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7};

StagePalette::Scheme g_scheme = StagePalette::Scheme::Calm; // GUI thread only, like every painter

bool presenting() {
    return g_scheme == StagePalette::Scheme::Presenter;
}

QColor pick(QRgb calm, QRgb presenter) {
    return QColor::fromRgb(presenting() ? presenter : calm);
}

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

void StagePalette::setScheme(Scheme scheme) {
    g_scheme = scheme;
}
StagePalette::Scheme StagePalette::scheme() {
    return g_scheme;
}
double StagePalette::lineWidth(double normal) {
    return presenting() ? normal * 2.0 : normal;
}

QColor StagePalette::background() {
    return pick(0xfbfbfd, 0xffffff);
}
QColor StagePalette::kernelLane() {
    return pick(0xeeedf3, 0xe4e4e4);
}
QColor StagePalette::kernelAccent() {
    return pick(0x4a4a68, 0x000000);
}
QColor StagePalette::processLane(int ordinal) {
    return cycled(presenting() ? kPresenterFills : kLaneFills, ordinal);
}
QColor StagePalette::processAccent(int ordinal) {
    return cycled(presenting() ? kPresenterAccents : kLaneAccents, ordinal);
}

QColor StagePalette::phaseColour(Phase phase) {
    switch (phase) {
    case Phase::Startup:
        return pick(0xa0a0aa, 0x707070);
    case Phase::Setup:
        return pick(0x5b6b8c, 0x0072b2);
    case Phase::Transfer:
        return pick(0x1f2d4d, 0x000000);
    case Phase::Teardown:
        return pick(0x7d6b5b, 0x8a5a00);
    }
    return text();
}

QColor StagePalette::copyUserToKernel() {
    return pick(0xc0392b, 0xd55e00);
}
QColor StagePalette::copyKernelToUser() {
    return pick(0x16a085, 0x0072b2);
}
QColor StagePalette::text() {
    return pick(0x1d1d24, 0x000000);
}
QColor StagePalette::mutedText() {
    return pick(0x6b6b78, 0x333333);
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
