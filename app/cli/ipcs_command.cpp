#include "ipcs_command.h"

#include "ipcs/ipc_tables.h"
#include "report/ipc_report.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iomanip>
#include <iostream>

namespace ipclab::cli {

namespace {

std::string limitText(const std::optional<std::uint64_t>& value) {
    return value ? std::to_string(*value) : "(the kernel does not say)";
}

void printObjects(const std::vector<IpcObject>& objects) {
    std::cout << std::left << std::setw(10) << "kind" << std::setw(30) << "key or name" << std::right << std::setw(8)
              << "id"
              << "  " << std::left << std::setw(10) << "owner" << std::setw(6) << "mode" << std::right << std::setw(12)
              << "size" << std::setw(8) << "count" << std::setw(8) << "cpid" << std::setw(8) << "lpid"
              << "\n";
    for (const IpcObject& o : objects) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", o.mode);
        std::cout << std::left << std::setw(10) << kindName(o.kind) << std::setw(30) << o.key << std::right
                  << std::setw(8) << (o.id >= 0 ? std::to_string(o.id) : "-") << "  " << std::left << std::setw(10)
                  << o.owner << std::setw(6) << mode << std::right << std::setw(12) << o.size << std::setw(8) << o.count
                  << std::setw(8) << o.creatorPid << std::setw(8) << o.lastPid << "\n";
    }
    if (objects.empty()) {
        std::cout << "(no System V object and nothing in /dev/shm)\n";
    }
    std::cout << "size: shm bytes, msg bytes queued, sem semaphores; count: shm attached processes, msg messages\n";
}

void printLimits(const IpcLimits& l) {
    std::cout << "\nlimits (from /proc/sys)\n"
              << "  shared memory: " << limitText(l.shmmni) << " segments (shmmni), " << limitText(l.shmmax)
              << " bytes per segment (shmmax), " << limitText(l.shmall) << " pages in all (shmall)\n"
              << "  message queues: " << limitText(l.msgmni) << " queues (msgmni), " << limitText(l.msgmax)
              << " bytes per message (msgmax), " << limitText(l.msgmnb) << " bytes per queue (msgmnb)\n"
              << "  semaphores: " << limitText(l.semmni) << " sets (semmni), " << limitText(l.semmsl)
              << " per set (semmsl), " << limitText(l.semmns) << " in all (semmns), " << limitText(l.semopm)
              << " per semop (semopm)\n"
              << "  POSIX queues: " << limitText(l.mqQueuesMax) << " queues, " << limitText(l.mqMsgMax)
              << " messages each, " << limitText(l.mqMsgsizeMax) << " bytes per message\n";
}

} // namespace

CLI::App* addIpcsCommand(CLI::App& app, IpcsOptions& options) {
    CLI::App* ipcs = app.add_subcommand("ipcs", "List the machine's IPC objects and limits, as ipcs(1) does");
    ipcs->add_flag("--json", options.json, "Print JSON");
    return ipcs;
}

int runIpcsCommand(const IpcsOptions& options) {
    const auto objects = readIpcObjects();
    const auto limits = IpcLimits::read();
    if (options.json) {
        std::cout << ipcReportJson(objects, limits).dump(2) << "\n";
        return 0;
    }
    printObjects(objects);
    printLimits(limits);
    return 0;
}

} // namespace ipclab::cli
