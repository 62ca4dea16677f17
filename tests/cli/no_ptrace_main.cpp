// ipclab-test-no-ptrace: runs a command in which the kernel refuses ptrace, as it does in a
// container without CAP_SYS_PTRACE. A seccomp filter makes every ptrace call fail with EPERM;
// the filter is inherited across exec, so ipclab-cli meets a real refusal, not a flag.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <seccomp.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ipclab-test-no-ptrace PROGRAM [ARG]...\n");
        return 2;
    }
    scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
    if (filter == nullptr || seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(ptrace), 0) != 0 ||
        seccomp_load(filter) != 0) {
        std::fprintf(stderr, "ipclab-test-no-ptrace: cannot install the seccomp filter\n");
        return 2;
    }
    seccomp_release(filter);
    // LeakSanitizer stops the world with ptrace, which this filter refuses: in sanitizer builds
    // the program would abort at exit for that alone. Without sanitizers this changes nothing.
    setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
    execv(argv[1], argv + 1);
    std::perror("ipclab-test-no-ptrace: exec");
    return 127;
}
