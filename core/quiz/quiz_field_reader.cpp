#include "quiz/quiz_field_reader.h"

#include "common/error.h"

namespace ipclab {

QuizFieldReader::QuizFieldReader(const toml::table& table, std::string fieldPrefix, std::string fileName)
    : m_table(table), m_prefix(fieldPrefix), m_fileName(fileName),
      m_base(table, std::move(fieldPrefix), std::move(fileName)) {}

std::string QuizFieldReader::optionalText(std::string_view key) {
    return has(key) ? m_base.text(key) : std::string();
}

std::int64_t QuizFieldReader::optionalIntegerIn(std::string_view key, std::int64_t min, std::int64_t max,
                                                std::int64_t fallback, std::string_view expected) {
    return has(key) ? m_base.integerIn(key, min, max, expected) : fallback;
}

bool QuizFieldReader::optionalBool(std::string_view key, bool fallback) {
    if (!has(key)) {
        return fallback;
    }
    const auto* value = m_table.get(key)->as_boolean();
    if (value == nullptr) {
        failAt(key, "true or false");
    }
    return value->get();
}

double QuizFieldReader::optionalNonNegative(std::string_view key, double fallback) {
    if (!has(key)) {
        return fallback;
    }
    const toml::node* node = m_table.get(key);
    double value = -1;
    if (const auto* real = node->as_floating_point()) {
        value = real->get();
    } else if (const auto* whole = node->as_integer()) {
        value = static_cast<double>(whole->get());
    }
    if (!(value >= 0)) {
        failAt(key, "a number >= 0");
    }
    return value;
}

const toml::node& QuizFieldReader::element(std::string_view key, std::size_t index) const {
    return *m_table.get(key)->as_array()->get(index);
}

std::vector<std::string> QuizFieldReader::strings(std::string_view key, std::size_t minCount,
                                                  std::string_view expected) {
    std::vector<std::string> result;
    if (!has(key) && minCount == 0) {
        return result;
    }
    const toml::node* node = m_table.get(key);
    if (node == nullptr || !node->is_array() || node->as_array()->size() < minCount) {
        failAt(key, expected);
    }
    for (std::size_t i = 0; i < node->as_array()->size(); ++i) {
        const toml::node& item = element(key, i);
        const auto* text = item.as_string();
        if (text == nullptr || text->get().find_first_not_of(" \t\r\n") == std::string::npos) {
            throw Error(ErrorKind::BadScenario, locationText(m_fileName, item.source().begin) + ": field '" +
                                                    fieldPath(key) + "[" + std::to_string(i) +
                                                    "]': expected a non-empty string");
        }
        result.push_back(text->get());
    }
    return result;
}

std::vector<std::int64_t> QuizFieldReader::integers(std::string_view key, std::size_t minCount,
                                                    std::string_view expected) {
    const toml::node* node = m_table.get(key);
    if (node == nullptr || !node->is_array() || node->as_array()->size() < minCount) {
        failAt(key, expected);
    }
    std::vector<std::int64_t> result;
    for (std::size_t i = 0; i < node->as_array()->size(); ++i) {
        const toml::node& item = element(key, i);
        if (!item.is_integer()) {
            throw Error(ErrorKind::BadScenario, locationText(m_fileName, item.source().begin) + ": field '" +
                                                    fieldPath(key) + "[" + std::to_string(i) +
                                                    "]': expected an integer");
        }
        result.push_back(item.as_integer()->get());
    }
    return result;
}

const toml::table* QuizFieldReader::optionalTable(std::string_view key) {
    if (!has(key)) {
        return nullptr;
    }
    const toml::table* table = m_table.get(key)->as_table();
    if (table == nullptr) {
        failAt(key, "a table");
    }
    return table;
}

void QuizFieldReader::rejectPresent(std::initializer_list<std::string_view> keys, std::string_view whose) const {
    for (std::string_view key : keys) {
        if (has(key)) {
            failWith(key, "field '" + fieldPath(key) + "' is not used by " + std::string(whose));
        }
    }
}

void QuizFieldReader::failWith(std::string_view key, const std::string& message) const {
    const toml::node* node = m_table.get(key);
    const toml::source_position where = node != nullptr ? node->source().begin : m_table.source().begin;
    throw Error(ErrorKind::BadScenario, locationText(m_fileName, where) + ": " + message);
}

} // namespace ipclab
