#pragma once

#include <string>
#include <string_view>

namespace ipclab {

/// x86-64 system call name for `nr`, resolved by libseccomp (no hand-kept table);
/// "syscall_<nr>" when libseccomp does not know it. Thread-safe.
std::string syscallName(long nr);

/// The x86-64 number of `name`, or -1 when there is no such call.
long syscallNumber(std::string_view name);

} // namespace ipclab
