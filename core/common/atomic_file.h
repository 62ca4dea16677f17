#pragma once

#include "common/error.h"
#include "common/unique_fd.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace ipclab {

/// A file that appears whole or not at all. The constructor creates a hidden temporary beside
/// `target` (so a bad path is found before any work is done); commit() writes the content into
/// it and renames it over `target`. If commit() is never reached, or fails, the temporary is
/// removed and `target` is left as it was. Not thread-safe; one owner.
class AtomicFile {
public:
    /// Throws Error(BadUsage) naming `target` (and `what`, e.g. "--trace-out") when the folder
    /// does not exist or cannot be written, or `target` is a folder. `mode` (less the umask) is the
    /// file's: 0666 for a document the user asked for, 0600 for a private one.
    AtomicFile(std::filesystem::path target, std::string what, mode_t mode = 0666);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Writes `content`, flushes it to disk and renames it into place. Call once. Throws
    /// Error(SystemError) naming `target` when the disk refuses (full, removed meanwhile).
    void commit(std::string_view content);

    const std::filesystem::path& target() const { return m_target; }

private:
    [[noreturn]] void fail(ErrorKind kind, const std::string& why) const;

    std::filesystem::path m_target;
    std::string m_what;
    std::filesystem::path m_temporary;
    UniqueFd m_fd;
    bool m_created = false; ///< the temporary exists and is ours to remove
    bool m_committed = false;
};

} // namespace ipclab
