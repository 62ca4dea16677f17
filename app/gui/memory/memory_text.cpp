#include "gui/memory/memory_text.h"

#include "gui/common/text_format.h"

#include <QLocale>
#include <QObject>
#include <QStringList>

namespace ipclab::memory_text {

namespace {
QString number(std::uint64_t value) {
    return QLocale(QLocale::English).toString(static_cast<qulonglong>(value));
}
QString tr(const char* text) {
    return QObject::tr(text);
}
} // namespace

QString address(std::uint64_t value) {
    return QStringLiteral("0x") + QString::number(value, 16);
}

QString frameNumber(std::uint64_t pfn) {
    return QStringLiteral("PFN 0x") + QString::number(pfn, 16);
}

QString kilobytes(std::uint64_t bytes) {
    return number(bytes / 1024) + QStringLiteral(" kB");
}

QString columnTitle(const MappingTracker::Process& process) {
    QString title = QStringLiteral("%1 · pid %2").arg(fromStd(process.name)).arg(process.pid);
    return process.exited ? title + tr(" · exited (as last seen)") : title;
}

QString inodeLine(const MappingSnapshot& snapshot) {
    return tr("inode %1 · offset %2").arg(snapshot.inode).arg(address(snapshot.offset));
}

QString pageDetail(int index, const PageInfo& page, bool pfnsHidden) {
    if (!page.present) {
        return tr("page %1 · not present: no frame until first touch").arg(index);
    }
    QString text = tr("page %1 · present").arg(index);
    if (pfnsHidden) {
        // pagemap's exclusive bit is readable without privilege: clear means someone else maps it too.
        text += page.exclusivelyMapped ? tr(" · only here") : tr(" · shared");
    }
    return text;
}

QString faults(const MappingTracker::Process& process) {
    const std::uint64_t now = process.latest ? process.latest->minorFaults : 0;
    const std::uint64_t since = now >= process.firstMinorFaults ? now - process.firstMinorFaults : 0;
    return tr("minor page faults: %1 (+%2 since mapped)").arg(number(now), number(since));
}

QString faultNote() {
    return tr("A minor page fault is an entry into the kernel by page fault, not by system call: the first touch of "
              "a page that has no frame in this process yet. The kernel then points the page at the object's frame. "
              "From then on, reading and writing the shared page needs no kernel at all.");
}

QString smaps(const MappingSnapshot& snapshot) {
    if (!snapshot.smaps) {
        return tr("smaps: not readable");
    }
    const SmapsFigures& f = *snapshot.smaps;
    return tr("smaps: Rss %1 · Pss %2 · Shared %3").arg(kilobytes(f.rss), kilobytes(f.pss), kilobytes(f.shared()));
}

QString hiddenEvidence(const MappingTracker& tracker) {
    QStringList lines;
    lines << tr("What an unprivileged user can still read proves the sharing:");
    for (const MappingTracker::Process* process : tracker.mapped()) {
        const MappingSnapshot& snap = *process->latest;
        QString line =
            tr("• %1 maps %2 (/proc/%3/maps)").arg(fromStd(process->name), inodeLine(snap)).arg(process->pid);
        if (snap.smaps && snap.smaps->rss > 0) {
            line += tr("; Shared %1, Pss %2 of Rss %3")
                        .arg(kilobytes(snap.smaps->shared()), kilobytes(snap.smaps->pss), kilobytes(snap.smaps->rss));
        }
        lines << line;
    }
    lines << tr("Same inode, same offset: the same pages of one object. Shared counts pages that another process "
                "maps too, and Pss below Rss means those pages are split between their sharers.");
    return lines.join(QLatin1Char('\n'));
}

QString sharingSummary(int sharedFrames, const QStringList& sharers, bool addressesDiffer, int breaks) {
    if (sharedFrames == 0) {
        return tr("No frame is reached from two processes yet: a page gets its frame when it is first touched.");
    }
    QString text = sharers.size() == 2
                       ? tr("%1 frame(s) reached from both %2 and %3").arg(sharedFrames).arg(sharers[0], sharers[1])
                       : tr("%1 frame(s) reached from more than one of %2")
                             .arg(sharedFrames)
                             .arg(sharers.join(QStringLiteral(", ")));
    text += addressesDiffer ? tr(", at different virtual addresses.") : tr(".");
    if (breaks > 0) {
        text += tr(" The frames are not contiguous in RAM: %1 break(s) between them.").arg(breaks);
    } else if (sharedFrames > 1) {
        text += tr(" These frames happen to be neighbours in RAM; nothing requires it.");
    }
    return text;
}

} // namespace ipclab::memory_text
