// ipclab-test-probe: a tiny traced child with a known sequence of system calls, for the tracer
// tests. Like ipclab-worker, it waits for Go on the control fd before doing anything.
#include "mechanisms/worker_context.h"
#include "protocol/record.h"

#include <sys/syscall.h>
#include <unistd.h>

int main() {
    if (!ipclab::protocol::announceReadyAndWaitForGo()) {
        return 3;
    }
    const ipclab::WorkerContext context({}, {});
    context.enterPhase(ipclab::Phase::Transfer);
    // The sequence the tests expect, one raw call each: no libc wrapper may add or merge calls.
    ::syscall(SYS_getppid);
    ::syscall(SYS_write, 4, "hello", 5);
    char buffer[16];
    ::syscall(SYS_read, 5, buffer, sizeof buffer);
    ::syscall(SYS_close, 4);
    ::syscall(SYS_exit_group, 7);
    return 0;
}
