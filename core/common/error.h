#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace ipclab {

/// The kinds of failure ipclab reports. Each maps to one exit code and one user-facing prefix
/// (see error.cpp), so that the CLI, the GUI and the tests speak the same language.
enum class ErrorKind {
    BadUsage,         ///< a command-line argument is wrong
    BadScenario,      ///< a scenario file does not validate
    BadParameter,     ///< a parameter is unknown or out of range
    KernelLimit,      ///< the request exceeds a limit the kernel enforces
    PermissionDenied, ///< the kernel refused for lack of permission
    SystemError,      ///< a system call failed unexpectedly
    ScenarioFailed,   ///< the experiment ran but did not do what it should (data corrupted, child died)
};

/// Exit code for a failure of this kind, as DESIGN.md fixes them: 2 for bad input, 1 otherwise.
int exitCodeFor(ErrorKind kind);

/// A short, lower-case label for the kind ("bad parameter"), used as a message prefix.
std::string_view labelFor(ErrorKind kind);

/// The one exception type core throws. `what()` is a complete sentence naming what and where.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const { return m_kind; }

private:
    ErrorKind m_kind;
};

/// Throws SystemError (or PermissionDenied for EPERM/EACCES) with `what` and strerror(errnum).
[[noreturn]] void throwSystemError(const std::string& what, int errnum);

} // namespace ipclab
