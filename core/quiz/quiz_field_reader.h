#pragma once

#include "scenario/toml_table_reader.h"

#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace ipclab {

/// TomlTableReader plus the optional fields, arrays, booleans and floats quiz files need. Every
/// problem is an Error(BadScenario) "file:line:column: field 'path': expected ..., got ...".
/// Internal to core/quiz (it exposes toml++ types).
class QuizFieldReader {
public:
    QuizFieldReader(const toml::table& table, std::string fieldPrefix, std::string fileName);

    bool has(std::string_view key) const { return m_table.contains(key); }
    const std::string& prefix() const { return m_prefix; }
    const std::string& fileName() const { return m_fileName; }
    TomlTableReader& base() { return m_base; }

    std::string text(std::string_view key) { return m_base.text(key); }
    std::string optionalText(std::string_view key);
    std::int64_t integerIn(std::string_view key, std::int64_t min, std::int64_t max, std::string_view expected) {
        return m_base.integerIn(key, min, max, expected);
    }
    std::int64_t optionalIntegerIn(std::string_view key, std::int64_t min, std::int64_t max, std::int64_t fallback,
                                   std::string_view expected);
    bool optionalBool(std::string_view key, bool fallback);
    /// An integer or float >= 0.
    double optionalNonNegative(std::string_view key, double fallback);
    /// An array of non-blank strings, at least `minCount`; absent means empty when minCount is 0.
    std::vector<std::string> strings(std::string_view key, std::size_t minCount, std::string_view expected);
    std::vector<std::int64_t> integers(std::string_view key, std::size_t minCount, std::string_view expected);
    /// The sub-table at `key`, or null when absent.
    const toml::table* optionalTable(std::string_view key);

    void rejectUnknownKeys(std::initializer_list<std::string_view> known) const { m_base.rejectUnknownKeys(known); }
    /// Fails on the first present key of `keys`: "field 'x' is not used by <whose>".
    void rejectPresent(std::initializer_list<std::string_view> keys, std::string_view whose) const;
    SourcePosition positionOf(std::string_view key) const { return m_base.positionOf(key); }
    [[noreturn]] void failAt(std::string_view key, std::string_view expected) const { m_base.failAt(key, expected); }
    /// Throws at the place of `key` (the table when absent) with a free-form `message`.
    [[noreturn]] void failWith(std::string_view key, const std::string& message) const;

    std::string fieldPath(std::string_view key) const { return m_prefix + std::string(key); }

private:
    const toml::node& element(std::string_view key, std::size_t index) const;

    const toml::table& m_table;
    std::string m_prefix;
    std::string m_fileName;
    TomlTableReader m_base;
};

} // namespace ipclab
