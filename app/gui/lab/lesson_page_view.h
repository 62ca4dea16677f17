#pragma once

#include "scenario/lesson_page.h"
#include "scenario/scenario_catalog.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTextBrowser;
class QVBoxLayout;

namespace ipclab {

class LessonPicture;

/// An explanation page, shown where the stage is for a scenario: which section it explains and
/// its summary, its picture (if any), its text, and one button per link that asks for the linked
/// scenario or page. Holds copies, never pointers into the catalogue. GUI thread only.
class LessonPageView : public QWidget {
    Q_OBJECT
public:
    explicit LessonPageView(QWidget* parent = nullptr);

    /// Shows `page`; `catalog` names the linked scenarios and pages on their buttons.
    void setPage(const LessonPage& page, const ScenarioCatalog& catalog);
    /// The id of the page shown, or empty.
    QString pageId() const { return m_pageId; }
    /// The links, in the page's order: labels whose one anchor is the linked id (also in
    /// property "linkId"); activating it emits linkActivated().
    QList<QLabel*> links() const { return m_links; }
    LessonPicture* picture() const { return m_picture; }
    QTextBrowser* textView() const { return m_text; }

    /// The page's paragraphs as HTML, for the text view and the sidebar.
    static QString paragraphsHtml(const std::string& text);

signals:
    /// A link was clicked: show the scenario or page with this id.
    void linkActivated(const QString& id);

private:
    QWidget* setupLinks();
    void rebuildLinks(const LessonPage& page, const ScenarioCatalog& catalog);

    QString m_pageId;
    QLabel* m_heading = nullptr;
    LessonPicture* m_picture = nullptr;
    QTextBrowser* m_text = nullptr;
    QVBoxLayout* m_linkLayout = nullptr;
    QList<QWidget*> m_linkEntries; ///< one per link: its button and its note
    QList<QLabel*> m_links;
};

} // namespace ipclab
