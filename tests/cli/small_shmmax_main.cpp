// ipclab-test-small-shmmax PROGRAM [ARG]...: runs a command in a new IPC namespace whose
// kernel.shmmax is 8192 bytes ($IPCLAB_TEST_SHMMAX overrides). System V limits belong to the IPC namespace, so this
// lowers a real kernel limit for that command alone, leaving the machine's as they were. Needs CAP_SYS_ADMIN; without
// it, exits 77 (the test cannot be made here).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sched.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ipclab-test-small-shmmax PROGRAM [ARG]...\n");
        return 2;
    }
    const char* bytes = std::getenv("IPCLAB_TEST_SHMMAX");
    if (::unshare(CLONE_NEWIPC) != 0) {
        std::perror("ipclab-test-small-shmmax: unshare(CLONE_NEWIPC)");
        return 77;
    }
    std::ofstream limit("/proc/sys/kernel/shmmax");
    limit << (bytes != nullptr ? bytes : "8192");
    limit.close();
    if (!limit) {
        std::fprintf(stderr, "ipclab-test-small-shmmax: cannot set kernel.shmmax in the new namespace\n");
        return 77;
    }
    execv(argv[1], argv + 1);
    std::perror("ipclab-test-small-shmmax: exec");
    return 127;
}
