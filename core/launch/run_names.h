#pragma once

#include "common/sysv_project_id.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace ipclab {

/// Names for the IPC objects of one run: "ipclab-<pid>-<run>", recognisable in `ipcs`,
/// /dev/shm and /tmp, and never the same for two runs of one process. Thread-safe.
class RunNames {
public:
    RunNames();
    const std::string& tag() const { return m_tag; }
    /// "/ipclab-1234-7-requests": a POSIX IPC name (mq_open, shm_open, sem_open).
    std::string posixName(std::string_view what) const;

private:
    std::string m_tag;
};

/// A private folder (mode 0700) for one run's FIFOs, socket files, key files and mapped files,
/// created exclusively in the temp folder and removed with everything in it on destruction.
class RunDirectory {
public:
    /// Throws Error(SystemError/PermissionDenied) naming the folder when it cannot be made.
    explicit RunDirectory(const RunNames& names);
    ~RunDirectory();
    RunDirectory(const RunDirectory&) = delete;
    RunDirectory& operator=(const RunDirectory&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    /// Creates `name` as an empty file (0600, exclusively) and returns ftok(file, kSysvProjectId).
    key_t makeSysvKey(const std::string& name) const;

private:
    std::filesystem::path m_path;
};

} // namespace ipclab
