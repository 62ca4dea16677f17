#include "gui/replay/replay_text.h"

#include "gui/common/process_names.h"
#include "gui/common/text_format.h"

#include <QCoreApplication>

namespace ipclab {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ipclab::ReplayText", text);
}

QString describeSync(const SyncEvent& step, const ProcessNames& names) {
    QString text = tr("%1, %2: %3")
                       .arg(names.nameOf(step.pid), fromStd(step.object), QString::fromLatin1(syncKindName(step.kind)));
    if (step.value >= 0) {
        text += tr(" (value %1)").arg(step.value);
    }
    return text;
}

} // namespace

QString describeEvent(const Event& event, const ProcessNames& names) {
    return std::visit(
        [&](const auto& payload) -> QString {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, ProcessStarted>) {
                return tr("%1 (%2) starts").arg(fromStd(payload.name), fromStd(payload.role));
            } else if constexpr (std::is_same_v<T, SyscallEntered>) {
                return tr("%1 enters %2").arg(names.nameOf(payload.call.pid), fromStd(payload.call.callText()));
            } else if constexpr (std::is_same_v<T, SyscallExited>) {
                return tr("%1 returns from %2 %3")
                    .arg(names.nameOf(payload.call.pid), fromStd(payload.call.callText()),
                         fromStd(payload.call.resultText()));
            } else if constexpr (std::is_same_v<T, PhaseChanged>) {
                return tr("%1: %2 begins").arg(names.nameOf(payload.pid), phaseText(payload.phase));
            } else if constexpr (std::is_same_v<T, BufferSample>) {
                if (payload.unit == LevelUnit::Count) {
                    return tr("%1: %2 (at most %3)")
                        .arg(fromStd(payload.channel))
                        .arg(payload.used)
                        .arg(payload.capacity);
                }
                return tr("%1 holds %2 of %3 %4")
                    .arg(fromStd(payload.channel))
                    .arg(payload.used)
                    .arg(payload.capacity)
                    .arg(QString::fromLatin1(levelUnitName(payload.unit)));
            } else if constexpr (std::is_same_v<T, HeldAtEntry>) {
                return tr("%1 held before %2").arg(names.nameOf(payload.call.pid), fromStd(payload.call.callText()));
            } else if constexpr (std::is_same_v<T, ProcessExited>) {
                return payload.signaled
                           ? tr("%1 killed by signal %2").arg(names.nameOf(payload.pid)).arg(payload.signal)
                           : tr("%1 exits, status %2").arg(names.nameOf(payload.pid)).arg(payload.exitCode);
            } else if constexpr (std::is_same_v<T, Notice>) {
                return tr("notice: %1").arg(fromStd(payload.text));
            } else if constexpr (std::is_same_v<T, MappingSnapshot>) {
                return tr("%1's view of %2 read from /proc").arg(names.nameOf(payload.pid), fromStd(payload.object));
            } else {
                return describeSync(payload, names);
            }
        },
        event.payload);
}

QString replayLabel(int position, int count, const Event* last, const ProcessNames& names) {
    const double ms = last != nullptr ? static_cast<double>(last->timeNs) / 1e6 : 0.0;
    QString text =
        tr("Replay of the recorded run — event %1 of %2, t = %3 ms").arg(position).arg(count).arg(ms, 0, 'f', 3);
    text += last != nullptr ? tr(": %1").arg(describeEvent(*last, names)) : tr(": before anything happened");
    return text;
}

} // namespace ipclab
