#include "launch/run_names.h"

#include "common/error.h"
#include "common/unique_fd.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipclab {

namespace {

std::atomic<unsigned> g_nextRun{1};

} // namespace

RunNames::RunNames() : m_tag("ipclab-" + std::to_string(::getpid()) + "-" + std::to_string(g_nextRun++)) {}

std::string RunNames::posixName(std::string_view what) const {
    return "/" + m_tag + "-" + std::string(what);
}

RunDirectory::RunDirectory(const RunNames& names) {
    std::error_code ec;
    const auto base = std::filesystem::temp_directory_path(ec);
    m_path = (ec ? std::filesystem::path("/tmp") : base) / names.tag();
    if (::mkdir(m_path.c_str(), 0700) != 0) {
        const int err = errno;
        const auto failed = m_path;
        m_path.clear(); // not ours: never remove what we did not make
        throwSystemError("cannot create the run folder " + failed.string(), err);
    }
}

RunDirectory::~RunDirectory() {
    if (!m_path.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
}

key_t RunDirectory::makeSysvKey(const std::string& name) const {
    const auto file = m_path / name;
    const UniqueFd fd(::open(file.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600));
    if (!fd.valid()) {
        throwSystemError("cannot create the key file " + file.string(), errno);
    }
    const key_t key = ::ftok(file.c_str(), kSysvProjectId);
    if (key == -1) {
        throwSystemError("ftok(" + file.string() + ") failed", errno);
    }
    return key;
}

} // namespace ipclab
