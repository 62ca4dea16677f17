#include "gui/lab/lesson_picture.h"

#include <QPainter>
#include <QSvgRenderer>

namespace ipclab {

LessonPicture::LessonPicture(QWidget* parent) : QWidget(parent), m_svg(new QSvgRenderer(this)) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumHeight(160);
}

bool LessonPicture::load(const QString& file) {
    clear();
    if (file.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        m_isSvg = m_svg->load(file);
        m_svg->setAspectRatioMode(Qt::KeepAspectRatio);
    } else {
        m_pixmap.load(file);
    }
    updateGeometry();
    update();
    return !isEmpty();
}

void LessonPicture::clear() {
    m_isSvg = false;
    m_pixmap = QPixmap();
    updateGeometry();
    update();
}

bool LessonPicture::isEmpty() const {
    return !m_isSvg && m_pixmap.isNull();
}

QSize LessonPicture::pictureSize() const {
    if (m_isSvg) {
        return m_svg->viewBox().size();
    }
    return m_pixmap.size();
}

QSize LessonPicture::sizeHint() const {
    const QSize own = pictureSize();
    // Modest, so that the layout's stretch decides and the text below keeps its share.
    return own.isEmpty() ? QSize(0, 0) : own.scaled(640, 340, Qt::KeepAspectRatio);
}

void LessonPicture::paintEvent(QPaintEvent* /*event*/) {
    if (isEmpty()) {
        return;
    }
    const QSize fitted = pictureSize().scaled(size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    if (m_isSvg) {
        m_svg->render(&painter, target);
    } else {
        painter.drawPixmap(target, m_pixmap);
    }
}

} // namespace ipclab
