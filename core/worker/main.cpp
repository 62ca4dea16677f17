// ipclab-worker: one role of one mechanism, started by the session with its channels already
// open. It waits for the session's Go record first, so the tracer is attached before any call
// of the lesson happens.
#include "mechanisms/role_registry.h"
#include "protocol/record.h"

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>
#include <sys/prctl.h>
#include <type_traits>
#include <unistd.h>
#include <vector>

namespace {

// "name=value" pairs, as the session writes them (value a number, or any text for --name); false
// on anything else.
template <typename Value> bool parsePairs(const std::vector<std::string>& items, std::map<std::string, Value>& out) {
    for (const auto& item : items) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0) {
            return false;
        }
        if constexpr (std::is_same_v<Value, std::string>) {
            out[item.substr(0, eq)] = item.substr(eq + 1);
        } else {
            try {
                out[item.substr(0, eq)] = static_cast<Value>(std::stoll(item.substr(eq + 1)));
            } catch (const std::exception&) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

// In sanitizer builds: LeakSanitizer stops the world with ptrace, which a process that is
// itself traced cannot do, so it would abort every traced worker. The session, which is not
// traced, keeps leak checking. Without sanitizers nothing calls this.
extern "C" int __lsan_is_turned_off() {
    return 1;
}

int main(int argc, char** argv) {
    // If the app or CLI dies without cleaning up (SIGKILL, a crash), take this worker with it:
    // a traced worker would die by PTRACE_O_EXITKILL, an untraced one would otherwise linger.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() == 1) {
        return 3; // the parent died before the line above took effect
    }
    CLI::App app{"ipclab-worker: plays one role of one IPC mechanism for an ipclab session"};
    std::string mechanism;
    std::string role;
    std::vector<std::string> paramItems;
    std::vector<std::string> fdItems;
    std::vector<std::string> nameItems;
    app.add_option("mechanism", mechanism, "mechanism, e.g. pipe")->required();
    app.add_option("role", role, "role, e.g. client")->required();
    app.add_option("--param", paramItems, "name=value");
    app.add_option("--fd", fdItems, "channel=fd");
    app.add_option("--name", nameItems, "key=name of an object the role opens itself (POSIX name or path)");
    CLI11_PARSE(app, argc, argv);

    std::map<std::string, std::int64_t> params;
    std::map<std::string, int> fds;
    std::map<std::string, std::string> names;
    if (!parsePairs(paramItems, params) || !parsePairs(fdItems, fds) || !parsePairs(nameItems, names)) {
        std::fprintf(stderr, "ipclab-worker: --param and --fd take name=number, --name takes key=text\n");
        return 2;
    }

    const ipclab::WorkerRole run = ipclab::findRole(mechanism, role);
    if (run == nullptr) {
        std::fprintf(stderr, "ipclab-worker: no role '%s %s'\n", mechanism.c_str(), role.c_str());
        return 2;
    }
    if (!ipclab::protocol::announceReadyAndWaitForGo()) {
        return 3;
    }
    try {
        return run(ipclab::WorkerContext(std::move(params), std::move(fds), std::move(names)));
    } catch (const std::exception& e) {
        ipclab::WorkerContext({}, {}).report(false, e.what());
        return 2;
    }
}
