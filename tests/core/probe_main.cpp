// ipclab-test-probe MODE: a tiny traced child with a known sequence of system calls, for the
// tracer tests. Like ipclab-worker, it waits for Go on the control fd before doing anything.
//   sequence: getppid, write(4, "hello"), read(5) from /dev/null, close(4), exit_group(7)
//   restart:  blocks in read(6) with a SA_RESTART handler for SIGUSR1, so that a signal
//             interrupts the read and the kernel restarts it; then exit_group(0)
#include "mechanisms/worker/worker_context.h"
#include "protocol/record.h"

#include <csignal>
#include <cstring>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

void onSignal(int /*signo*/) {}

int knownSequence() {
    // One raw call each: no libc wrapper may add or merge calls.
    ::syscall(SYS_getppid);
    ::syscall(SYS_write, 4, "hello", 5);
    char buffer[16];
    ::syscall(SYS_read, 5, buffer, sizeof buffer);
    ::syscall(SYS_close, 4);
    ::syscall(SYS_exit_group, 7);
    return 0;
}

int restartedRead() {
    struct sigaction action {};
    action.sa_handler = &onSignal;
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGUSR1, &action, nullptr);
    const ipclab::WorkerContext context({}, {});
    context.enterPhase(ipclab::Phase::Transfer);
    char byte = 0;
    ::syscall(SYS_read, 6, &byte, 1);
    ::syscall(SYS_exit_group, byte == 'x' ? 0 : 1);
    return 0;
}

} // namespace

// In sanitizer builds: LeakSanitizer stops the world with ptrace, which a process that is
// itself traced cannot do, so it would abort every traced worker. The session, which is not
// traced, keeps leak checking. Without sanitizers nothing calls this.
extern "C" int __lsan_is_turned_off() {
    return 1;
}

int main(int argc, char** argv) {
    if (!ipclab::protocol::announceReadyAndWaitForGo()) {
        return 3;
    }
    if (argc > 1 && std::strcmp(argv[1], "restart") == 0) {
        return restartedRead();
    }
    const ipclab::WorkerContext context({}, {});
    context.enterPhase(ipclab::Phase::Transfer);
    return knownSequence();
}
