#include "gui/lab/lesson_page_view.h"

#include "gui/common/text_format.h"
#include "gui/lab/lesson_picture.h"
#include "gui/lab/scenario_list.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ipclab {

namespace {

constexpr int kLinkColumnWidth = 340;

/// What a link's button says: the linked scenario's title, or the page's marked as a page.
QString linkTitle(const PageLink& link, const ScenarioCatalog& catalog) {
    if (const Scenario* scenario = catalog.find(link.id)) {
        return fromStd(scenario->title);
    }
    if (const LessonPage* page = catalog.findPage(link.id)) {
        return QObject::tr("Page: %1").arg(fromStd(page->title));
    }
    return fromStd(link.id);
}

} // namespace

LessonPageView::LessonPageView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_picture = new LessonPicture(this);
    m_text = new QTextBrowser(this);
    m_text->setOpenLinks(false);
    m_text->document()->setDocumentMargin(12);

    // The picture and the text share the wide column; the links keep a column of their own so
    // that every one of them, with its note, is in view.
    auto* reading = new QVBoxLayout;
    reading->addWidget(m_picture, 3);
    reading->addWidget(m_text, 2);
    auto* columns = new QHBoxLayout;
    columns->addLayout(reading, 1);
    columns->addWidget(setupLinks());
    layout->addWidget(m_heading);
    layout->addLayout(columns, 1);
}

QWidget* LessonPageView::setupLinks() {
    auto* scroll = new QScrollArea(this);
    scroll->setFixedWidth(kLinkColumnWidth);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The notes wrap to the column's width instead of scrolling sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* box = new QWidget(scroll);
    m_linkLayout = new QVBoxLayout(box);
    m_linkLayout->setContentsMargins(0, 0, 0, 0);
    auto* caption = new QLabel(tr("<b>See it happen</b>"), box);
    m_linkLayout->addWidget(caption);
    m_linkLayout->addStretch(1);
    scroll->setWidget(box);
    return scroll;
}

QString LessonPageView::paragraphsHtml(const std::string& text) {
    QString html;
    for (const QString& paragraph : fromStd(text).split(QStringLiteral("\n\n"))) {
        html += QStringLiteral("<p>%1</p>").arg(paragraph.trimmed().toHtmlEscaped());
    }
    return html;
}

void LessonPageView::setPage(const LessonPage& page, const ScenarioCatalog& catalog) {
    m_pageId = fromStd(page.id);
    m_heading->setText(
        tr("<span style='color:#5a5f6c'>Explanation page · §%1 %2</span><br><i>%3</i>")
            .arg(page.section)
            .arg(ScenarioList::sectionTitle(page.section).toHtmlEscaped(), fromStd(page.summary).toHtmlEscaped()));
    // A picture that no longer loads is left out rather than shown broken; the text still stands.
    const bool pictured = !page.imagePath.empty() && m_picture->load(QString::fromStdString(page.imagePath.string()));
    if (!pictured) {
        m_picture->clear();
    }
    m_picture->setVisible(pictured);
    m_text->setHtml(paragraphsHtml(page.text));
    rebuildLinks(page, catalog);
}

void LessonPageView::rebuildLinks(const LessonPage& page, const ScenarioCatalog& catalog) {
    qDeleteAll(m_linkEntries);
    m_linkEntries.clear();
    m_links.clear();
    for (const PageLink& link : page.links) {
        auto* entry = new QWidget;
        auto* entryLayout = new QVBoxLayout(entry);
        entryLayout->setContentsMargins(0, 4, 0, 4);
        entryLayout->setSpacing(2);
        // A link in a word-wrapped label: long titles wrap instead of being cut off.
        auto* title = new QLabel(entry);
        title->setWordWrap(true);
        title->setTextFormat(Qt::RichText);
        title->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        title->setText(QStringLiteral("<a href='%1' style='color:#2f6fc4; text-decoration:none'><b>→ %2</b></a>")
                           .arg(fromStd(link.id).toHtmlEscaped(), linkTitle(link, catalog).toHtmlEscaped()));
        title->setToolTip(tr("Show %1").arg(fromStd(link.id)));
        title->setProperty("linkId", fromStd(link.id));
        connect(title, &QLabel::linkActivated, this, &LessonPageView::linkActivated);
        entryLayout->addWidget(title);
        if (!link.note.empty()) {
            auto* note = new QLabel(fromStd(link.note), entry);
            note->setWordWrap(true);
            note->setContentsMargins(20, 0, 4, 0);
            note->setStyleSheet(QStringLiteral("color: #4a4f5c;"));
            entryLayout->addWidget(note);
        }
        // Before the stretch, so the links stay at the top.
        m_linkLayout->insertWidget(m_linkLayout->count() - 1, entry);
        m_linkEntries.append(entry);
        m_links.append(title);
    }
}

} // namespace ipclab
