#include "scenario/toml_table_reader.h"

#include "common/error.h"

#include <algorithm>
#include <sstream>

namespace ipclab {

namespace {

constexpr std::size_t kMaxQuotedChars = 40;

/// How a value looks in an error message: the value itself when short, its kind otherwise.
std::string describe(const toml::node& node) {
    if (const auto* text = node.as_string()) {
        std::string value = text->get();
        if (value.size() > kMaxQuotedChars) {
            value = value.substr(0, kMaxQuotedChars) + "...";
        }
        return "\"" + value + "\"";
    }
    if (node.is_table()) {
        return "a table";
    }
    if (node.is_array()) {
        return "an array";
    }
    std::ostringstream out;
    node.visit([&out](const auto& value) { out << value; });
    return out.str();
}

/// Edit distance, used only to suggest a near-miss key name.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool isBlank(const std::string& value) {
    return value.find_first_not_of(" \t\r\n") == std::string::npos;
}

} // namespace

std::string locationText(const std::string& fileName, const toml::source_position& where) {
    const auto line = where ? where.line : 1;
    const auto column = where ? where.column : 1;
    return fileName + ":" + std::to_string(line) + ":" + std::to_string(column);
}

TomlTableReader::TomlTableReader(const toml::table& table, std::string fieldPrefix, std::string fileName)
    : m_table(table), m_prefix(std::move(fieldPrefix)), m_fileName(std::move(fileName)) {}

const toml::node& TomlTableReader::require(std::string_view key, std::string_view expected) const {
    const toml::node* node = m_table.get(key);
    if (node == nullptr) {
        throw Error(ErrorKind::BadScenario, locationText(m_fileName, m_table.source().begin) + ": field '" +
                                                fieldPath(key) + "' is missing: expected " + std::string(expected));
    }
    return *node;
}

void TomlTableReader::failAt(std::string_view key, std::string_view expected) const {
    const toml::node& node = require(key, expected);
    throw Error(ErrorKind::BadScenario, locationText(m_fileName, node.source().begin) + ": field '" + fieldPath(key) +
                                            "': expected " + std::string(expected) + ", got " + describe(node));
}

std::string TomlTableReader::text(std::string_view key) {
    constexpr std::string_view expected = "a non-empty string";
    const auto* value = require(key, expected).as_string();
    if (value == nullptr || isBlank(value->get())) {
        failAt(key, expected);
    }
    return value->get();
}

std::string TomlTableReader::name(std::string_view key, bool (*valid)(std::string_view), std::string_view expected) {
    const auto* value = require(key, expected).as_string();
    if (value == nullptr || !valid(value->get())) {
        failAt(key, expected);
    }
    return value->get();
}

std::int64_t TomlTableReader::integer(std::string_view key) {
    constexpr std::string_view expected = "an integer";
    const auto* value = require(key, expected).as_integer();
    if (value == nullptr) {
        failAt(key, expected);
    }
    return value->get();
}

std::int64_t TomlTableReader::integerIn(std::string_view key, std::int64_t min, std::int64_t max,
                                        std::string_view expected) {
    const auto* value = require(key, expected).as_integer();
    if (value == nullptr || value->get() < min || value->get() > max) {
        failAt(key, expected);
    }
    return value->get();
}

std::vector<const toml::table*> TomlTableReader::tables(std::string_view key, std::size_t minCount,
                                                        std::string_view expected) {
    const auto* array = require(key, expected).as_array();
    if (array == nullptr || array->size() < minCount) {
        failAt(key, expected);
    }
    std::vector<const toml::table*> result;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = *array->get(i);
        if (!element.is_table()) {
            throw Error(ErrorKind::BadScenario, locationText(m_fileName, element.source().begin) + ": field '" +
                                                    fieldPath(key) + "[" + std::to_string(i) + "]': expected " +
                                                    std::string(expected) + ", got " + describe(element));
        }
        result.push_back(element.as_table());
    }
    return result;
}

void TomlTableReader::rejectUnknownKeys(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : m_table) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) {
            continue;
        }
        std::string message =
            locationText(m_fileName, key.source().begin) + ": unknown field '" + fieldPath(key.str()) + "'";
        const auto closest = std::min_element(known.begin(), known.end(), [&](std::string_view a, std::string_view b) {
            return distance(key.str(), a) < distance(key.str(), b);
        });
        if (closest != known.end() && distance(key.str(), *closest) <= 2) {
            message += " (did you mean '" + std::string(*closest) + "'?)";
        }
        message += "; the fields allowed here are: ";
        for (auto name = known.begin(); name != known.end(); ++name) {
            message += (name == known.begin() ? "" : ", ") + std::string(*name);
        }
        throw Error(ErrorKind::BadScenario, message);
    }
}

SourcePosition TomlTableReader::positionOf(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    const toml::source_position where = node != nullptr ? node->source().begin : m_table.source().begin;
    return {static_cast<int>(where.line), static_cast<int>(where.column)};
}

} // namespace ipclab
