#include "gui/ipcs/ipcs_text.h"

#include "gui/common/text_format.h"
#include "ipcs/ipc_remover.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

namespace ipclab::ipcs_text {

namespace {
QString value(const std::optional<std::uint64_t>& limit) {
    if (!limit) {
        return QObject::tr("not readable");
    }
    // Linux's default shmmax and shmall sit just below 2^64: the kernel's way of saying "no limit".
    constexpr std::uint64_t kEffectivelyUnlimited = std::uint64_t{1} << 62;
    if (*limit >= kEffectivelyUnlimited) {
        return QObject::tr("no limit");
    }
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(*limit));
}

QString command(const IpcObject& object) {
    switch (object.kind) {
    case IpcObject::Kind::SysvShm:
        return QStringLiteral("ipcrm -m %1").arg(object.id);
    case IpcObject::Kind::SysvMsg:
        return QStringLiteral("ipcrm -q %1").arg(object.id);
    case IpcObject::Kind::SysvSem:
        return QStringLiteral("ipcrm -s %1").arg(object.id);
    case IpcObject::Kind::PosixShm:
        return QStringLiteral("rm /dev/shm%1").arg(fromStd(object.key));
    }
    return {};
}
} // namespace

QString limits(const IpcLimits& l) {
    const auto item = [](const char* what, const char* name, const std::optional<std::uint64_t>& limit) {
        const QString label =
            name[0] != '\0' ? QStringLiteral("%1 (%2)").arg(QObject::tr(what), QLatin1String(name)) : QObject::tr(what);
        return QStringLiteral("%1: %2").arg(label, value(limit));
    };
    const QString dot = QStringLiteral(" · ");
    const QStringList lines{
        QObject::tr("System limits (/proc/sys/kernel, /proc/sys/fs/mqueue):"),
        QObject::tr("System V shared memory — ") + item("segments", "shmmni", l.shmmni) + dot +
            item("bytes per segment", "shmmax", l.shmmax) + dot + item("pages in all", "shmall", l.shmall),
        QObject::tr("System V message queues — ") + item("queues", "msgmni", l.msgmni) + dot +
            item("bytes per message", "msgmax", l.msgmax) + dot + item("bytes per queue", "msgmnb", l.msgmnb),
        QObject::tr("System V semaphores — ") + item("sets", "semmni", l.semmni) + dot +
            item("per set", "semmsl", l.semmsl) + dot + item("in all", "semmns", l.semmns) + dot +
            item("operations per semop", "semopm", l.semopm),
        QObject::tr("POSIX message queues — ") + item("queues", "queues_max", l.mqQueuesMax) + dot +
            item("messages per queue", "msg_max", l.mqMsgMax) + dot +
            item("bytes per message", "msgsize_max", l.mqMsgsizeMax)};
    return lines.join(QLatin1Char('\n'));
}

QString confirmation(const IpcObject& object) {
    QString text =
        QObject::tr("Remove %1, owned by %2?").arg(fromStd(describeIpcObject(object)), fromStd(object.owner));
    switch (object.kind) {
    case IpcObject::Kind::SysvShm:
        text += object.count > 0
                    ? QObject::tr("\n\n%1 process(es) still have it attached: the kernel only marks it "
                                  "for removal and frees it when the last one detaches.")
                          .arg(object.count)
                    : QObject::tr("\n\nNo process has it attached: its memory and contents are freed now.");
        break;
    case IpcObject::Kind::SysvMsg:
        text += QObject::tr("\n\nMessages still queued in it are lost; a process waiting on it gets EIDRM.");
        break;
    case IpcObject::Kind::SysvSem:
        text += QObject::tr("\n\nA process waiting on one of its semaphores gets EIDRM.");
        break;
    case IpcObject::Kind::PosixShm:
        text += QObject::tr("\n\nThe name goes at once; processes that have it mapped keep their mapping until they "
                            "unmap it, then the memory is freed.");
        break;
    }
    return text + QObject::tr("\n\nThis is what %1 does.").arg(command(object));
}

} // namespace ipclab::ipcs_text
