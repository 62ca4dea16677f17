#include "gui/classroom/class_reveal_dialog.h"

#include "gui/common/text_format.h"
#include "quiz/grader.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ipclab {

namespace {

constexpr double kPromptScale = 1.8;
constexpr double kBodyScale = 1.4;

QFont scaledFont(const QFont& base, double factor, bool bold) {
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QString escaped(const std::string& text) {
    return fromStd(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

ClassRevealDialog::ClassRevealDialog(Question question, QWidget* parent)
    : QDialog(parent), m_question(std::move(question)) {
    setWindowTitle(tr("Question for the class — §%1").arg(m_question.section));
    auto* layout = new QVBoxLayout(this);
    auto* prompt = new QLabel(fromStd(m_question.prompt), this);
    prompt->setWordWrap(true);
    prompt->setFont(scaledFont(font(), kPromptScale, true));
    m_body = new QLabel(this);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setFont(scaledFont(font(), kBodyScale, false));
    m_body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* buttons = new QDialogButtonBox(this);
    m_hands = buttons->addButton(tr("Collect hands"), QDialogButtonBox::ActionRole);
    m_reveal = buttons->addButton(tr("Reveal"), QDialogButtonBox::ActionRole);
    m_run = buttons->addButton(tr("Run the experiment"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_run->setVisible(false);
    m_body->setText(tr("<p><i>Think first, then press Collect hands.</i></p>"));
    layout->addWidget(prompt);
    layout->addWidget(m_body, 1);
    layout->addWidget(buttons);
    connect(m_hands, &QPushButton::clicked, this, &ClassRevealDialog::collectHands);
    connect(m_reveal, &QPushButton::clicked, this, &ClassRevealDialog::reveal);
    connect(m_run, &QPushButton::clicked, this, [this] { emit runExperimentRequested(m_question); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(1100, 700);
}

QString ClassRevealDialog::optionsHtml() const {
    QString html;
    char letter = 'A';
    const std::vector<Choice>& options =
        m_question.kind == QuestionKind::Ordering ? m_question.events : m_question.choices;
    for (const Choice& choice : options) {
        html +=
            QStringLiteral("<p><b>%1</b>&nbsp;&nbsp;%2</p>").arg(QChar::fromLatin1(letter++)).arg(escaped(choice.text));
    }
    for (const Blank& blank : m_question.blanks) {
        html += QStringLiteral("<p>%1: ________ %2</p>")
                    .arg(blank.label.empty() ? tr("Answer") : escaped(blank.label), escaped(blank.unit));
    }
    if (m_question.kind == QuestionKind::Ordering) {
        html += tr("<p><i>Put them in the order they happen.</i></p>");
    }
    return html;
}

void ClassRevealDialog::collectHands() {
    m_stage = Stage::Hands;
    m_body->setText(optionsHtml() + tr("<p><i>Hands up: who votes for which?</i></p>"));
}

void ClassRevealDialog::reveal() {
    m_stage = Stage::Revealed;
    QString html = optionsHtml();
    if (m_question.graded()) {
        html += tr("<p style='color:#0072b2'><b>Answer: %1</b></p>").arg(escaped(keyText(m_question)));
    }
    if (m_question.runChecked()) {
        html += tr("<p><i>This is the lesson's prediction: run the experiment to see what the kernel does on "
                   "this machine.</i></p>");
    }
    html += QStringLiteral("<p>%1</p>").arg(escaped(m_question.explanation));
    m_body->setText(html);
    m_run->setVisible(m_question.run.has_value() || !m_question.showMe.empty());
    m_hands->setEnabled(false);
    m_reveal->setEnabled(false);
}

QString ClassRevealDialog::bodyText() const {
    QString html = m_body->text();
    html.replace(QStringLiteral("</p>"), QStringLiteral("\n"));
    return html.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
}

} // namespace ipclab
