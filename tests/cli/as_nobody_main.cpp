// ipclab-test-as-nobody: runs a command as the unprivileged user nobody (65534), without
// CAP_SYS_ADMIN, as a student on a shared machine would. Run as root; as anyone else it runs
// the command as that user, who is unprivileged already.
#include <cstdio>
#include <grp.h>
#include <string>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ipclab-test-as-nobody PROGRAM [ARG]...\n");
        return 2;
    }
    if (::getuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
        std::perror("ipclab-test-as-nobody: cannot become nobody");
        return 2;
    }
    // The build tree may sit in a folder nobody cannot enter (a clone under /root): then the
    // test cannot be made here, and exit 77 says so rather than failing for the wrong reason.
    std::string program = argv[1];
    const std::string worker = program.substr(0, program.rfind('/') + 1) + "ipclab-worker";
    if (::access(program.c_str(), X_OK) != 0 || ::access(worker.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "ipclab-test-as-nobody: nobody cannot run %s or %s\n", program.c_str(), worker.c_str());
        return 77;
    }
    execv(argv[1], argv + 1);
    std::perror("ipclab-test-as-nobody: exec");
    return 127;
}
