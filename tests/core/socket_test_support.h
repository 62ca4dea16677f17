#pragma once

#include "session_fixture.h"

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace ipclab::test {

/// This process's run folders ("ipclab-<our pid>-N") in the temp folder: none may outlive a run.
inline std::vector<std::filesystem::path> ourRunFolders() {
    std::vector<std::filesystem::path> found;
    const std::string prefix = "ipclab-" + std::to_string(::getpid()) + "-";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(ec), ec)) {
        if (entry.path().filename().string().starts_with(prefix)) {
            found.push_back(entry.path());
        }
    }
    return found;
}

} // namespace ipclab::test
