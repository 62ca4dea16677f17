#include "observe/syscall_names.h"

#include <cstdlib>
#include <memory>
#include <seccomp.h>
#include <vector>

namespace ipclab {

namespace {

constexpr long kMaxSyscall = 512;

std::vector<std::string> buildNameTable() {
    std::vector<std::string> names(kMaxSyscall);
    for (long nr = 0; nr < kMaxSyscall; ++nr) {
        std::unique_ptr<char, decltype(&std::free)> name(
            seccomp_syscall_resolve_num_arch(SCMP_ARCH_X86_64, static_cast<int>(nr)), &std::free);
        names[static_cast<std::size_t>(nr)] = name ? std::string(name.get()) : std::string();
    }
    return names;
}

} // namespace

std::string syscallName(long nr) {
    static const std::vector<std::string> table = buildNameTable();
    if (nr >= 0 && nr < kMaxSyscall && !table[static_cast<std::size_t>(nr)].empty()) {
        return table[static_cast<std::size_t>(nr)];
    }
    return "syscall_" + std::to_string(nr);
}

long syscallNumber(std::string_view name) {
    const int nr = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, std::string(name).c_str());
    return nr == __NR_SCMP_ERROR ? -1 : nr;
}

} // namespace ipclab
