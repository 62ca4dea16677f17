#include "common/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace ipclab {

namespace {

constexpr int kNameAttempts = 16;

/// ".trace.json.4242-3.tmp": hidden, beside the target, unique per process and per attempt.
std::filesystem::path temporaryFor(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "." + target.filename().string() + "." + std::to_string(::getpid()) + "-" +
                             std::to_string(counter.fetch_add(1)) + ".tmp";
    return target.parent_path() / name;
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path target, std::string what, mode_t mode)
    : m_target(std::move(target)), m_what(std::move(what)) {
    if (m_target.empty() || !m_target.has_filename()) {
        fail(ErrorKind::BadUsage, "it does not name a file");
    }
    std::error_code error;
    if (std::filesystem::is_directory(m_target, error)) {
        fail(ErrorKind::BadUsage, "it is a folder");
    }
    const std::filesystem::path folder = m_target.parent_path().empty() ? "." : m_target.parent_path();
    if (!std::filesystem::is_directory(folder, error)) {
        fail(ErrorKind::BadUsage, "the folder " + folder.string() + " does not exist");
    }
    for (int attempt = 0; attempt < kNameAttempts && !m_fd.valid(); ++attempt) {
        m_temporary = temporaryFor(m_target);
        m_fd.reset(::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
        if (!m_fd.valid() && errno != EEXIST) {
            fail(ErrorKind::BadUsage,
                 std::string("cannot create a file in ") + folder.string() + ": " + std::strerror(errno));
        }
    }
    if (!m_fd.valid()) {
        fail(ErrorKind::SystemError, "no free temporary name beside it");
    }
    m_created = true;
}

AtomicFile::~AtomicFile() {
    if (m_created && !m_committed) {
        m_fd.reset();
        ::unlink(m_temporary.c_str());
    }
}

void AtomicFile::commit(std::string_view content) {
    if (!m_fd.valid()) {
        fail(ErrorKind::SystemError, "it was already written");
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t wrote = ::write(m_fd.get(), content.data() + done, content.size() - done);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote <= 0) {
            fail(ErrorKind::SystemError, std::string("writing failed: ") + std::strerror(wrote < 0 ? errno : EIO));
        }
        done += static_cast<std::size_t>(wrote);
    }
    if (::fsync(m_fd.get()) != 0) {
        fail(ErrorKind::SystemError, std::string("flushing failed: ") + std::strerror(errno));
    }
    if (::close(m_fd.release()) != 0) {
        fail(ErrorKind::SystemError, std::string("closing failed: ") + std::strerror(errno));
    }
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        fail(ErrorKind::SystemError, std::string("renaming into place failed: ") + std::strerror(errno));
    }
    m_committed = true;
}

void AtomicFile::fail(ErrorKind kind, const std::string& why) const {
    throw Error(kind, "cannot write " + (m_what.empty() ? std::string() : m_what + " ") + "'" + m_target.string() +
                          "': " + why);
}

} // namespace ipclab
