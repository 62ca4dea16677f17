#pragma once

#include "scenario/scenario.h"

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// "file:line:column" for a place in a TOML document; 1:1 when toml++ knows no position.
std::string locationText(const std::string& fileName, const toml::source_position& where);

/// Reads the fields of one TOML table of a scenario file. Every problem becomes an
/// Error(BadScenario) naming the file, the line and column, the field's full path
/// ("params[1].max") and what was expected, so an instructor can fix the file from the message.
/// Internal to core/scenario: it exposes toml++ types, which the rest of ipclab never sees.
class TomlTableReader {
public:
    /// `fieldPrefix` is prepended to key names in messages: "" for the top level, "params[1]." below it.
    TomlTableReader(const toml::table& table, std::string fieldPrefix, std::string fileName);

    /// A string that is present and not blank.
    std::string text(std::string_view key);
    /// A string for which `valid` holds; `expected` describes the rule ("lowercase letters and dashes").
    std::string name(std::string_view key, bool (*valid)(std::string_view), std::string_view expected);
    std::int64_t integer(std::string_view key);
    /// An integer within [min, max]; `expected` describes the rule when the bounds come from other fields.
    std::int64_t integerIn(std::string_view key, std::int64_t min, std::int64_t max, std::string_view expected);
    /// An array whose every element is a table ([[key]] sections or inline tables), at least `minCount`.
    std::vector<const toml::table*> tables(std::string_view key, std::size_t minCount, std::string_view expected);

    /// Fails on the first key not in `known`, suggesting the closest known one (typos must not pass).
    void rejectUnknownKeys(std::initializer_list<std::string_view> known) const;

    /// Where the value of `key` is written (the table itself when the key is absent).
    SourcePosition positionOf(std::string_view key) const;

    /// Throws for the value of `key`: "<where>: field '<path>': expected <expected>, got <value>".
    [[noreturn]] void failAt(std::string_view key, std::string_view expected) const;

private:
    const toml::node& require(std::string_view key, std::string_view expected) const;
    std::string fieldPath(std::string_view key) const { return m_prefix + std::string(key); }

    const toml::table& m_table;
    std::string m_prefix;
    std::string m_fileName;
};

} // namespace ipclab
