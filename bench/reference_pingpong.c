/* ipclab-reference-pingpong: "measuring the measurer". A plain C program, sharing no code with
 * ipclab, that times the same things the bench engine times, so the two can be compared side by
 * side on one machine. It is single-threaded, so fork() without exec is safe here.
 *
 *   ipclab-reference-pingpong pipe|socketpair SIZE ROUNDS CPU_A CPU_B
 *       round trips of SIZE bytes each way between a parent (CPU_A) and a child (CPU_B) over two
 *       pipes or one Unix stream socket pair; prints "median_ns N".
 *   ipclab-reference-pingpong cacheline ROUNDS CPU_A CPU_B
 *       round trips of one cache line between two processes through a shared anonymous mapping:
 *       each spins until the other has flipped a flag (pause, then sched_yield after a while so
 *       that two processes on one CPU still take turns); prints "median_ns N".
 *   ipclab-reference-pingpong memcpy SIZE ROUNDS CPU_A
 *       copies SIZE bytes between two private buffers; prints "median_ns N" and "mib_per_s X".
 *   ipclab-reference-pingpong syscall ROUNDS CPU_A
 *       syscall(SYS_getppid), the cheapest real crossing into the kernel; prints "median_ns N".
 *
 * CPU -1 leaves a process to the scheduler. A warm-up of ROUNDS/10 (at least 1) goes first.
 * Exit status 2 on bad arguments, 1 when a system call fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void pin(int cpu) {
    if (cpu < 0) {
        return;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET((size_t)cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        fprintf(stderr, "reference: cannot pin to CPU %d: %s\n", cpu, strerror(errno));
        exit(1);
    }
}

static int by_value(const void* a, const void* b) {
    const int64_t x = *(const int64_t*)a;
    const int64_t y = *(const int64_t*)b;
    return (x > y) - (x < y);
}

static int64_t median(int64_t* times, long n) {
    qsort(times, (size_t)n, sizeof *times, by_value);
    return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

static int full(ssize_t (*io)(int, void*, size_t), int fd, char* data, size_t size) {
    size_t done = 0;
    while (done < size) {
        const ssize_t n = io(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return 0;
        }
        done += (size_t)n;
    }
    return 1;
}

static ssize_t write_io(int fd, void* data, size_t size) {
    return write(fd, data, size);
}

static int message_pingpong(int socket_pair, size_t size, long rounds, int cpu_a, int cpu_b) {
    int to_child[2];
    int to_parent[2];
    if (socket_pair) {
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, to_child) != 0) {
            return 1;
        }
        to_parent[0] = to_child[0];
        to_parent[1] = to_child[1];
    } else if (pipe(to_child) != 0 || pipe(to_parent) != 0) {
        return 1;
    }
    const long warm = rounds / 10 > 0 ? rounds / 10 : 1;
    char* buffer = malloc(size);
    int64_t* times = malloc(sizeof(int64_t) * (size_t)rounds);
    if (buffer == NULL || times == NULL) {
        return 1;
    }
    memset(buffer, 0x5a, size);
    const pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        pin(cpu_b);
        /* socket pair: the child talks on end 1, the parent on end 0; pipes: read/write ends. */
        const int in = socket_pair ? to_child[1] : to_child[0];
        const int out = socket_pair ? to_child[1] : to_parent[1];
        for (long i = 0; i < rounds + warm; ++i) {
            if (!full(read, in, buffer, size) || !full(write_io, out, buffer, size)) {
                _exit(1);
            }
        }
        _exit(0);
    }
    pin(cpu_a);
    const int out = socket_pair ? to_child[0] : to_child[1];
    const int in = socket_pair ? to_child[0] : to_parent[0];
    for (long i = -warm; i < rounds; ++i) {
        const int64_t start = now_ns();
        if (!full(write_io, out, buffer, size) || !full(read, in, buffer, size)) {
            return 1;
        }
        if (i >= 0) {
            times[i] = now_ns() - start;
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    printf("median_ns %lld\n", (long long)median(times, rounds));
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

static void wait_for(volatile uint32_t* flag, uint32_t value) {
    for (long spins = 0; __atomic_load_n(flag, __ATOMIC_ACQUIRE) != value; ++spins) {
        if (spins < 2000) {
            __builtin_ia32_pause();
        } else {
            sched_yield(); /* the peer may be waiting for this CPU */
        }
    }
}

static int cacheline_pingpong(long rounds, int cpu_a, int cpu_b) {
    /* Two flags on separate cache lines: the line itself travels between the CPUs' caches. */
    volatile uint32_t* shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int64_t* times = malloc(sizeof(int64_t) * (size_t)rounds);
    if (shared == MAP_FAILED || times == NULL) {
        return 1;
    }
    volatile uint32_t* ping = shared;
    volatile uint32_t* pong = shared + 16;
    const long warm = rounds / 10 > 0 ? rounds / 10 : 1;
    const pid_t child = fork();
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        pin(cpu_b);
        for (long i = 1; i <= rounds + warm; ++i) {
            wait_for(ping, (uint32_t)i);
            __atomic_store_n(pong, (uint32_t)i, __ATOMIC_RELEASE);
        }
        _exit(0);
    }
    pin(cpu_a);
    for (long i = -warm; i < rounds; ++i) {
        const uint32_t next = (uint32_t)(i + warm + 1);
        const int64_t start = now_ns();
        __atomic_store_n(ping, next, __ATOMIC_RELEASE);
        wait_for(pong, next);
        if (i >= 0) {
            times[i] = now_ns() - start;
        }
    }
    waitpid(child, NULL, 0);
    printf("median_ns %lld\n", (long long)median(times, rounds));
    return 0;
}

static int memcpy_bandwidth(size_t size, long rounds, int cpu) {
    pin(cpu);
    char* from = malloc(size);
    char* to = malloc(size);
    int64_t* times = malloc(sizeof(int64_t) * (size_t)rounds);
    if (from == NULL || to == NULL || times == NULL) {
        return 1;
    }
    memset(from, 0x5a, size);
    memset(to, 0, size); /* fault the pages in before timing */
    for (long i = -1; i < rounds; ++i) {
        const int64_t start = now_ns();
        memcpy(to, from, size);
        __asm__ volatile("" : : "r"(to) : "memory");
        if (i >= 0) {
            times[i] = now_ns() - start;
        }
    }
    const int64_t m = median(times, rounds);
    printf("median_ns %lld\nmib_per_s %.1f\n", (long long)m, (double)size / (1024.0 * 1024.0) / ((double)m / 1e9));
    return 0;
}

static int null_syscall(long rounds, int cpu) {
    pin(cpu);
    enum { kBatch = 100 }; /* one getppid is near the clock's own cost: time batches of them */
    int64_t* times = malloc(sizeof(int64_t) * (size_t)rounds);
    if (times == NULL) {
        return 1;
    }
    for (long i = -1; i < rounds; ++i) {
        const int64_t start = now_ns();
        for (int k = 0; k < kBatch; ++k) {
            syscall(SYS_getppid);
        }
        if (i >= 0) {
            times[i] = (now_ns() - start) / kBatch;
        }
    }
    printf("median_ns %lld\n", (long long)median(times, rounds));
    return 0;
}

static int usage(void) {
    fprintf(stderr, "usage: ipclab-reference-pingpong pipe|socketpair SIZE ROUNDS CPU_A CPU_B\n"
                    "       ipclab-reference-pingpong cacheline ROUNDS CPU_A CPU_B\n"
                    "       ipclab-reference-pingpong memcpy SIZE ROUNDS CPU\n"
                    "       ipclab-reference-pingpong syscall ROUNDS CPU\n");
    return 2;
}

static int number(const char* text, long* out) {
    char* end = NULL;
    errno = 0;
    *out = strtol(text, &end, 10);
    return errno == 0 && end != text && *end == '\0';
}

int main(int argc, char** argv) {
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    if (argc == 6 && (strcmp(argv[1], "pipe") == 0 || strcmp(argv[1], "socketpair") == 0)) {
        if (!number(argv[2], &a) || !number(argv[3], &b) || !number(argv[4], &c) || !number(argv[5], &d) || a <= 0 ||
            b <= 0) {
            return usage();
        }
        return message_pingpong(strcmp(argv[1], "socketpair") == 0, (size_t)a, b, (int)c, (int)d);
    }
    if (argc == 5 && strcmp(argv[1], "cacheline") == 0) {
        if (!number(argv[2], &a) || !number(argv[3], &b) || !number(argv[4], &c) || a <= 0) {
            return usage();
        }
        return cacheline_pingpong(a, (int)b, (int)c);
    }
    if (argc == 5 && strcmp(argv[1], "memcpy") == 0) {
        if (!number(argv[2], &a) || !number(argv[3], &b) || !number(argv[4], &c) || a <= 0 || b <= 0) {
            return usage();
        }
        return memcpy_bandwidth((size_t)a, b, (int)c);
    }
    if (argc == 4 && strcmp(argv[1], "syscall") == 0) {
        if (!number(argv[2], &a) || !number(argv[3], &b) || a <= 0) {
            return usage();
        }
        return null_syscall(a, (int)b);
    }
    return usage();
}
