#include "common/error.h"

#include <cerrno>
#include <cstring>

namespace ipclab {

int exitCodeFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::BadUsage:
    case ErrorKind::BadScenario:
    case ErrorKind::BadParameter:
    case ErrorKind::KernelLimit:
    case ErrorKind::PermissionDenied:
        return 2;
    case ErrorKind::SystemError:
    case ErrorKind::ScenarioFailed:
        return 1;
    }
    return 1;
}

std::string_view labelFor(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::BadUsage:
        return "bad usage";
    case ErrorKind::BadScenario:
        return "bad scenario file";
    case ErrorKind::BadParameter:
        return "bad parameter";
    case ErrorKind::KernelLimit:
        return "kernel limit";
    case ErrorKind::PermissionDenied:
        return "permission denied";
    case ErrorKind::SystemError:
        return "system error";
    case ErrorKind::ScenarioFailed:
        return "scenario failed";
    }
    return "error";
}

void throwSystemError(const std::string& what, int errnum) {
    const ErrorKind kind = (errnum == EPERM || errnum == EACCES) ? ErrorKind::PermissionDenied : ErrorKind::SystemError;
    throw Error(kind, what + ": " + std::strerror(errnum));
}

} // namespace ipclab
