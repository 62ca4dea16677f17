#pragma once

namespace ipclab::test {

/// True in sanitizer builds, where the workers are instrumented too: the sanitizer runtime makes
/// system calls of its own (ASan probes memory with pipe2/write/close), and the tracer rightly
/// sees them, so tests that count a worker's calls exactly do not apply there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kWorkersInstrumented = true;
#else
inline constexpr bool kWorkersInstrumented = false;
#endif

} // namespace ipclab::test

/// Skips the current test in sanitizer builds, saying why.
#define IPCLAB_SKIP_EXACT_COUNTS_IF_INSTRUMENTED()                                                                     \
    if (::ipclab::test::kWorkersInstrumented) {                                                                        \
        GTEST_SKIP() << "sanitizer build: the instrumented workers make the sanitizer runtime's own system calls";     \
    }
