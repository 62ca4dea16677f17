#include "quiz/quiz_expression.h"

#include "scenario/scenario.h"

#include <cctype>
#include <charconv>

namespace ipclab {

namespace {

/// Recursive descent over the text; one instance per evaluation.
class Evaluator {
public:
    Evaluator(std::string_view text, const QuizVariables& variables) : m_text(text), m_variables(variables) {}

    std::int64_t run() {
        const std::int64_t value = orExpr();
        skipSpace();
        if (m_pos != m_text.size()) {
            syntaxError("unexpected '" + std::string(m_text.substr(m_pos, 1)) + "'");
        }
        return value;
    }

private:
    [[noreturn]] void syntaxError(const std::string& what) const {
        throw QuizExpressionError("in expression \"" + std::string(m_text) + "\" at character " +
                                      std::to_string(m_pos + 1) + ": " + what,
                                  true);
    }
    [[noreturn]] void valueError(const std::string& what) const {
        throw QuizExpressionError("expression \"" + std::string(m_text) + "\": " + what, false);
    }

    void skipSpace() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) {
            ++m_pos;
        }
    }
    bool accept(std::string_view token) {
        skipSpace();
        if (m_text.substr(m_pos, token.size()) == token) {
            m_pos += token.size();
            return true;
        }
        return false;
    }
    void expect(std::string_view token) {
        if (!accept(token)) {
            syntaxError("expected '" + std::string(token) + "'");
        }
    }

    // Each operand is evaluated before the builtin runs: the order of function arguments is
    // unspecified, so the result must not be read in the same call that computes it.
    std::int64_t add(std::int64_t a, std::int64_t b) const {
        std::int64_t result = 0;
        if (__builtin_add_overflow(a, b, &result)) {
            valueError("the result does not fit in 64 bits");
        }
        return result;
    }
    std::int64_t subtract(std::int64_t a, std::int64_t b) const {
        std::int64_t result = 0;
        if (__builtin_sub_overflow(a, b, &result)) {
            valueError("the result does not fit in 64 bits");
        }
        return result;
    }
    std::int64_t multiply(std::int64_t a, std::int64_t b) const {
        std::int64_t result = 0;
        if (__builtin_mul_overflow(a, b, &result)) {
            valueError("the result does not fit in 64 bits");
        }
        return result;
    }

    std::int64_t orExpr() {
        std::int64_t value = andExpr();
        while (accept("||")) {
            const std::int64_t right = andExpr();
            value = (value != 0 || right != 0) ? 1 : 0;
        }
        return value;
    }
    std::int64_t andExpr() {
        std::int64_t value = comparison();
        while (accept("&&")) {
            const std::int64_t right = comparison();
            value = (value != 0 && right != 0) ? 1 : 0;
        }
        return value;
    }
    std::int64_t comparison() {
        const std::int64_t left = sum();
        if (accept("<=")) {
            return left <= sum() ? 1 : 0;
        }
        if (accept(">=")) {
            return left >= sum() ? 1 : 0;
        }
        if (accept("==")) {
            return left == sum() ? 1 : 0;
        }
        if (accept("!=")) {
            return left != sum() ? 1 : 0;
        }
        if (accept("<")) {
            return left < sum() ? 1 : 0;
        }
        if (accept(">")) {
            return left > sum() ? 1 : 0;
        }
        return left;
    }
    std::int64_t sum() {
        std::int64_t value = product();
        for (;;) {
            if (accept("+")) {
                value = add(value, product());
            } else if (accept("-")) {
                value = subtract(value, product());
            } else {
                return value;
            }
        }
    }
    std::int64_t divide(std::int64_t a, std::int64_t b, bool remainder) const {
        if (b == 0) {
            valueError("division by zero");
        }
        if (a == INT64_MIN && b == -1) {
            valueError("the result does not fit in 64 bits");
        }
        return remainder ? a % b : a / b;
    }
    std::int64_t product() {
        std::int64_t value = unary();
        for (;;) {
            if (accept("*")) {
                value = multiply(value, unary());
            } else if (accept("/")) {
                value = divide(value, unary(), false);
            } else if (accept("%")) {
                value = divide(value, unary(), true);
            } else {
                return value;
            }
        }
    }
    std::int64_t unary() {
        if (accept("-")) {
            return subtract(0, unary());
        }
        if (accept("!")) {
            // "!=" never starts an operand, so a lone '!' here is negation.
            return unary() == 0 ? 1 : 0;
        }
        return primary();
    }
    std::int64_t call(const std::string& name) {
        const std::int64_t a = orExpr();
        expect(",");
        const std::int64_t b = orExpr();
        expect(")");
        if (name == "min") {
            return std::min(a, b);
        }
        if (name == "max") {
            return std::max(a, b);
        }
        if (b <= 0 || a < 0) {
            valueError("ceil_div needs a >= 0 and b > 0");
        }
        return a / b + (a % b != 0 ? 1 : 0);
    }
    std::int64_t primary() {
        skipSpace();
        if (accept("(")) {
            const std::int64_t value = orExpr();
            expect(")");
            return value;
        }
        if (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])) != 0) {
            std::int64_t value = 0;
            const auto [end, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_text.size(), value);
            if (ec != std::errc{}) {
                syntaxError("number too large");
            }
            m_pos = static_cast<std::size_t>(end - m_text.data());
            return value;
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) != 0 || m_text[m_pos] == '_')) {
            ++m_pos;
        }
        if (start == m_pos) {
            syntaxError(m_pos < m_text.size() ? "unexpected '" + std::string(1, m_text[m_pos]) + "'"
                                              : "unexpected end");
        }
        const std::string name(m_text.substr(start, m_pos - start));
        if (accept("(")) {
            if (name != "min" && name != "max" && name != "ceil_div") {
                syntaxError("unknown function '" + name + "' (known: ceil_div, min, max)");
            }
            return call(name);
        }
        const auto it = m_variables.find(name);
        if (it == m_variables.end()) {
            syntaxError("unknown variable '" + name + "'");
        }
        return it->second;
    }

    std::string_view m_text;
    const QuizVariables& m_variables;
    std::size_t m_pos = 0;
};

std::string formatBytes(std::int64_t value) {
    ParamSpec bytes;
    bytes.unit = "bytes";
    return formatParamValue(bytes, value);
}

} // namespace

std::int64_t evaluateQuizExpression(std::string_view text, const QuizVariables& variables) {
    return Evaluator(text, variables).run();
}

std::string fillQuizTemplate(std::string_view text, const QuizVariables& variables) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "{{" || text.substr(i, 2) == "}}") {
            out += text[i];
            ++i;
            continue;
        }
        if (text[i] == '}') {
            throw QuizExpressionError("template: a lone '}' (write '}}' for a brace)", true);
        }
        if (text[i] != '{') {
            out += text[i];
            continue;
        }
        const std::size_t close = text.find('}', i);
        if (close == std::string_view::npos) {
            throw QuizExpressionError("template: '{' without a closing '}' (write '{{' for a brace)", true);
        }
        std::string_view inner = text.substr(i + 1, close - i - 1);
        bool asBytes = false;
        if (const std::size_t bar = inner.find('|'); bar != std::string_view::npos) {
            const std::string_view format = inner.substr(bar + 1);
            if (format != "bytes") {
                throw QuizExpressionError("template: unknown format '|" + std::string(format) + "' (known: |bytes)",
                                          true);
            }
            asBytes = true;
            inner = inner.substr(0, bar);
        }
        const std::int64_t value = evaluateQuizExpression(inner, variables);
        out += asBytes ? formatBytes(value) : std::to_string(value);
        i = close;
    }
    return out;
}

} // namespace ipclab
