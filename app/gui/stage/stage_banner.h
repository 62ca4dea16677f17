#pragma once

#include <QLabel>

namespace ipclab {

/// A coloured strip above the stage that tells the user something the diagram cannot: that
/// kernel observation is unavailable and why, or which process is held at a system call.
/// Hidden while it has nothing to say. GUI thread only.
class StageBanner : public QLabel {
    Q_OBJECT
public:
    enum class Tone { Info, Warning, Error, Held };

    explicit StageBanner(QWidget* parent = nullptr);

    /// Shows `text` in `tone`; an empty text hides the banner.
    void showMessage(const QString& text, Tone tone);
    Tone tone() const { return m_tone; }

private:
    Tone m_tone = Tone::Info;
};

} // namespace ipclab
