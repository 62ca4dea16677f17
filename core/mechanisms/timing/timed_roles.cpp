#include "mechanisms/timing/timed_roles.h"

#include "mechanisms/socket/socket_roles.h"
#include "mechanisms/timing/timed_exchange.h"

namespace ipclab {

int unixStreamTimedClient(const WorkerContext& context) {
    return runTimedClient(context, openUnixStreamClient);
}

int unixStreamTimedServer(const WorkerContext& context) {
    return runTimedServer(context, openUnixStreamServer);
}

int tcpTimedClient(const WorkerContext& context) {
    return runTimedClient(context, openTcpClient);
}

int tcpTimedServer(const WorkerContext& context) {
    return runTimedServer(context, openTcpServer);
}

} // namespace ipclab
