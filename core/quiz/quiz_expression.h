#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ipclab {

/// Values of a parametric question's variables, by name.
using QuizVariables = std::map<std::string, std::int64_t>;

/// Why an expression or template could not be evaluated. `syntax` is true for mistakes in the
/// text itself (bad token, unknown name), false for failures of the values (division by zero).
class QuizExpressionError : public std::runtime_error {
public:
    QuizExpressionError(const std::string& message, bool syntax) : std::runtime_error(message), m_syntax(syntax) {}
    bool syntax() const { return m_syntax; }

private:
    bool m_syntax;
};

/// Evaluates a small integer expression over `variables`: integers, names, + - * / % (division
/// truncates), unary - and !, comparisons (< <= > >= == !=) and && || giving 0 or 1,
/// parentheses, and the functions ceil_div(a, b), min(a, b), max(a, b). Exact 64-bit
/// arithmetic: an overflow is an error, never a wrong key.
std::int64_t evaluateQuizExpression(std::string_view text, const QuizVariables& variables);

/// Fills "{expression}" and "{expression|bytes}" (as "8 KiB") in `text`; "{{" and "}}" stand
/// for literal braces.
std::string fillQuizTemplate(std::string_view text, const QuizVariables& variables);

} // namespace ipclab
