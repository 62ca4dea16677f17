#include "gui/quiz/blank_input.h"

#include "gui/common/text_format.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab {

BlankInput::BlankInput(const Question& question, QWidget* parent) : QuestionInput(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    const bool numeric = question.kind == QuestionKind::Numeric;
    for (const Blank& blank : question.blanks) {
        auto* row = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* edit = new QLineEdit(row);
        edit->setPlaceholderText(numeric ? tr("a number") : tr("one word"));
        edit->setMaximumWidth(280);
        rowLayout->addWidget(edit);
        if (!blank.unit.empty()) {
            // Byte answers may use K/KiB/M/MiB: the grader reads them, the tooltip says so.
            rowLayout->addWidget(new QLabel(fromStd(blank.unit), row));
            if (blank.unit == "bytes") {
                edit->setToolTip(tr("You may write 8192, 8 KiB or 8K"));
            }
        }
        rowLayout->addStretch(1);
        const QString label = blank.label.empty() ? tr("Answer") : fromStd(blank.label);
        form->addRow(label + QLatin1Char(':'), row);
        connect(edit, &QLineEdit::textChanged, this, &QuestionInput::edited);
        m_edits.push_back(edit);
    }
}

Answer BlankInput::answer() const {
    Answer answer;
    for (const QLineEdit* edit : m_edits) {
        answer.parts.push_back(edit->text().trimmed().toStdString());
    }
    return answer;
}

bool BlankInput::complete() const {
    return std::all_of(m_edits.begin(), m_edits.end(),
                       [](const QLineEdit* edit) { return !edit->text().trimmed().isEmpty(); });
}

void BlankInput::setLocked(bool locked) {
    for (QLineEdit* edit : m_edits) {
        edit->setReadOnly(locked);
    }
}

void BlankInput::setAnswer(const Answer& answer) {
    for (std::size_t i = 0; i < m_edits.size() && i < answer.parts.size(); ++i) {
        m_edits[i]->setText(fromStd(answer.parts[i]));
    }
}

ReflectionInput::ReflectionInput(QWidget* parent) : QuestionInput(parent), m_text(new QPlainTextEdit(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setPlaceholderText(tr("Write in your own words. This stays on this computer and is not graded."));
    m_text->setMinimumHeight(120);
    layout->addWidget(m_text);
    connect(m_text, &QPlainTextEdit::textChanged, this, &QuestionInput::edited);
}

Answer ReflectionInput::answer() const {
    return Answer{{m_text->toPlainText().trimmed().toStdString()}};
}

bool ReflectionInput::complete() const {
    return !m_text->toPlainText().trimmed().isEmpty();
}

void ReflectionInput::setLocked(bool locked) {
    m_text->setReadOnly(locked);
}

void ReflectionInput::setAnswer(const Answer& answer) {
    if (!answer.parts.empty()) {
        m_text->setPlainText(fromStd(answer.parts.front()));
    }
}

} // namespace ipclab
