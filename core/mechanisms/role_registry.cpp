#include "mechanisms/role_registry.h"

#include "mechanisms/pipe_roles.h"
#include "mechanisms/pipe_stream_roles.h"

#include <array>

namespace ipclab {

namespace {

struct RoleEntry {
    const char* mechanism;
    const char* role;
    WorkerRole run;
};

constexpr std::array kRoles{
    RoleEntry{"pipe", "client", &pipeClient},
    RoleEntry{"pipe", "server", &pipeServer},
    RoleEntry{"pipe", "writer", &pipeStreamWriter},
    RoleEntry{"pipe", "reader", &pipeStreamReader},
    RoleEntry{"pipe", "flood-writer", &pipeFloodWriter},
    RoleEntry{"pipe", "slow-reader", &pipeSlowReader},
};

} // namespace

WorkerRole findRole(const std::string& mechanism, const std::string& role) {
    for (const auto& entry : kRoles) {
        if (mechanism == entry.mechanism && role == entry.role) {
            return entry.run;
        }
    }
    return nullptr;
}

std::vector<std::string> knownRoles() {
    std::vector<std::string> names;
    for (const auto& entry : kRoles) {
        names.push_back(std::string(entry.mechanism) + " " + entry.role);
    }
    return names;
}

} // namespace ipclab
