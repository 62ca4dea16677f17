// The /proc readers on real memory: one memfd mapped twice is one set of frames behind two
// virtual ranges; private memory is not; without privilege, frames are hidden, not invented.
#include "common/unique_fd.h"
#include "observe/pagemap_reader.h"
#include "observe/proc_maps_reader.h"
#include "observe/smaps_reader.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab {
namespace {

constexpr std::size_t kPages = 4;

/// One memfd mapped MAP_SHARED at two addresses of this process, every page touched.
struct TwiceMapped {
    UniqueFd fd{::memfd_create("ipclab-test", MFD_CLOEXEC)};
    std::size_t size = kPages * pageSize();
    std::uint8_t* first = nullptr;
    std::uint8_t* second = nullptr;
    std::uint8_t touchedSum = 0;

    TwiceMapped() {
        EXPECT_EQ(::ftruncate(fd.get(), static_cast<off_t>(size)), 0);
        first = static_cast<std::uint8_t*>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0));
        second = static_cast<std::uint8_t*>(::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0));
        for (std::size_t i = 0; i < size; i += pageSize()) {
            first[i] = static_cast<std::uint8_t>(i / pageSize() + 1); // demand paging: now present
        }
        // Page tables are per mapping: the second one gets its entries when it is touched too.
        std::uint8_t sum = 0;
        for (std::size_t i = 0; i < size; i += pageSize()) {
            sum = static_cast<std::uint8_t>(sum + *static_cast<volatile std::uint8_t*>(second + i));
        }
        touchedSum = sum;
    }
    ~TwiceMapped() {
        ::munmap(first, size);
        ::munmap(second, size);
    }
    std::uint64_t a() const { return reinterpret_cast<std::uint64_t>(first); }
    std::uint64_t b() const { return reinterpret_cast<std::uint64_t>(second); }
};

TEST(ProcMaps, ParsesEveryField) {
    const auto maps = parseMaps("7f0000000000-7f0000004000 rw-s 00002000 00:01 12345    /memfd:x (deleted)\n"
                                "55aa00000000-55aa00021000 rw-p 00000000 00:00 0          [heap]\n"
                                "garbage line\n");
    ASSERT_EQ(maps.size(), 2u);
    EXPECT_EQ(maps[0].start, 0x7f0000000000u);
    EXPECT_EQ(maps[0].size(), 0x4000u);
    EXPECT_TRUE(maps[0].shared());
    EXPECT_EQ(maps[0].offset, 0x2000u);
    EXPECT_EQ(maps[0].inode, 12345u);
    EXPECT_EQ(maps[0].path, "/memfd:x (deleted)");
    EXPECT_FALSE(maps[1].shared());
    EXPECT_EQ(maps[1].path, "[heap]");
}

TEST(ProcMaps, TwoMappingsOfOneObjectShareInodeAndOffset) {
    TwiceMapped m;
    const auto maps = readMaps(::getpid());
    ASSERT_TRUE(maps);
    const auto first = mappingAt(*maps, m.a());
    const auto second = mappingAt(*maps, m.b());
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->start, second->start) << "different virtual addresses";
    EXPECT_EQ(first->inode, second->inode) << "the same object behind both";
    EXPECT_EQ(first->offset, second->offset);
    EXPECT_TRUE(first->shared() && second->shared());
    EXPECT_EQ(m.second[pageSize()], 2) << "a byte written through one mapping is read through the other";
}

TEST(Pagemap, SharedPagesHaveTheSameFramesPrivatePagesOthers) {
    TwiceMapped m;
    std::string why;
    const auto first = readPagemap(::getpid(), m.a(), m.a() + m.size, &why);
    const auto second = readPagemap(::getpid(), m.b(), m.b() + m.size, &why);
    ASSERT_TRUE(first && second) << why;
    ASSERT_EQ(first->pages.size(), kPages);
    if (first->pfnsHidden) {
        GTEST_SKIP() << "not privileged here: " << first->hiddenReason;
    }
    for (std::size_t i = 0; i < kPages; ++i) {
        ASSERT_TRUE(first->pages[i].present && second->pages[i].present);
        ASSERT_TRUE(first->pages[i].pfn && second->pages[i].pfn);
        EXPECT_EQ(*first->pages[i].pfn, *second->pages[i].pfn) << "page " << i;
        EXPECT_TRUE(first->pages[i].fileOrSharedAnon);
    }
    auto* priv = static_cast<std::uint8_t*>(
        ::mmap(nullptr, pageSize(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    priv[0] = 1;
    const auto privateMap = readPagemap(::getpid(), reinterpret_cast<std::uint64_t>(priv),
                                        reinterpret_cast<std::uint64_t>(priv) + pageSize());
    ASSERT_TRUE(privateMap && privateMap->pages[0].pfn);
    for (const auto& page : first->pages) {
        EXPECT_NE(*page.pfn, *privateMap->pages[0].pfn);
    }
    EXPECT_TRUE(privateMap->pages[0].exclusivelyMapped);
    ::munmap(priv, pageSize());
}

TEST(Pagemap, UntouchedPagesAreNotPresent) {
    const UniqueFd fd(::memfd_create("ipclab-test", MFD_CLOEXEC));
    ASSERT_EQ(::ftruncate(fd.get(), static_cast<off_t>(2 * pageSize())), 0);
    auto* p =
        static_cast<std::uint8_t*>(::mmap(nullptr, 2 * pageSize(), PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0));
    p[0] = 1; // only the first page
    const auto map = readPagemap(::getpid(), reinterpret_cast<std::uint64_t>(p),
                                 reinterpret_cast<std::uint64_t>(p) + 2 * pageSize());
    ASSERT_TRUE(map);
    EXPECT_TRUE(map->pages[0].present);
    EXPECT_FALSE(map->pages[1].present) << "demand paging: a page never touched has no frame";
    EXPECT_FALSE(map->pages[1].pfn);
    ::munmap(p, 2 * pageSize());
}

TEST(Pagemap, WithoutCapSysAdminFramesAreHiddenWithAReasonNeverInvented) {
    // Run the reader as an unprivileged user: a child that drops to nobody (as root), or this
    // process as it is (already unprivileged).
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            _exit(10);
        }
        // Changing uid makes a process non-dumpable, which hides even its own /proc files.
        ::prctl(PR_SET_DUMPABLE, 1);
        TwiceMapped m;
        const auto map = readPagemap(::getpid(), m.a(), m.a() + m.size);
        if (!map) {
            _exit(11);
        }
        for (const auto& page : map->pages) {
            if (page.pfn) {
                _exit(12); // a number shown that the kernel did not give
            }
        }
        _exit(map->pfnsHidden && !map->hiddenReason.empty() ? 0 : 13);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "10: could not drop privilege, 11: unreadable, 12: PFN invented, "
                                         "13: hidden without a reason";
}

TEST(Smaps, CountsPagesMappedTwiceAsShared) {
    TwiceMapped m;
    const auto figures = readSmapsFor(::getpid(), m.a());
    ASSERT_TRUE(figures);
    EXPECT_EQ(figures->size, m.size);
    EXPECT_EQ(figures->rss, m.size);
    EXPECT_EQ(figures->shared(), m.size) << "each page is mapped twice, so it counts as shared";
    EXPECT_EQ(figures->pss, m.size / 2) << "Pss splits each page between its two mappings";
}

} // namespace
} // namespace ipclab
