#pragma once

#include <QPixmap>
#include <QWidget>

class QSvgRenderer;

namespace ipclab {

/// Draws one picture of an explanation page, an SVG (through QSvgRenderer) or a PNG, as large as
/// fits while keeping its proportions, centred. GUI thread only.
class LessonPicture : public QWidget {
    Q_OBJECT
public:
    explicit LessonPicture(QWidget* parent = nullptr);

    /// Loads `file` (.svg or .png); false when it cannot be read or drawn, and the widget is empty.
    bool load(const QString& file);
    void clear();
    bool isEmpty() const;
    /// The picture's own size (for SVG, its view box), or an empty size.
    QSize pictureSize() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QSvgRenderer* m_svg;
    QPixmap m_pixmap;
    bool m_isSvg = false;
};

} // namespace ipclab
