#include "gui/quiz/choice_input.h"

#include "gui/common/text_format.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>

namespace ipclab {

ChoiceInput::ChoiceInput(const Question& question, QWidget* parent) : QuestionInput(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const bool single = question.kind == QuestionKind::SingleChoice;
    m_group = new QButtonGroup(this);
    m_group->setExclusive(single);
    char letter = 'A';
    for (const Choice& choice : question.choices) {
        const QString text = QStringLiteral("%1.  %2").arg(QChar::fromLatin1(letter++)).arg(fromStd(choice.text));
        QAbstractButton* button = single ? static_cast<QAbstractButton*>(new QRadioButton(text, this))
                                         : static_cast<QAbstractButton*>(new QCheckBox(text, this));
        m_group->addButton(button);
        layout->addWidget(button);
        m_ids.push_back(choice.id);
        m_buttons.push_back(button);
        connect(button, &QAbstractButton::toggled, this, &QuestionInput::edited);
    }
}

Answer ChoiceInput::answer() const {
    Answer answer;
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        if (m_buttons[i]->isChecked()) {
            answer.parts.push_back(m_ids[i]);
        }
    }
    return answer;
}

bool ChoiceInput::complete() const {
    return std::any_of(m_buttons.begin(), m_buttons.end(), [](const QAbstractButton* b) { return b->isChecked(); });
}

void ChoiceInput::setLocked(bool locked) {
    for (QAbstractButton* button : m_buttons) {
        button->setEnabled(!locked);
    }
}

void ChoiceInput::setAnswer(const Answer& answer) {
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        const bool chosen = std::find(answer.parts.begin(), answer.parts.end(), m_ids[i]) != answer.parts.end();
        m_buttons[i]->setChecked(chosen);
    }
}

} // namespace ipclab
