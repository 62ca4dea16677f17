#!/usr/bin/env bash
# Fails when a run or a test left an IPC object of ours behind: System V objects whose key
# ipclab made, POSIX objects and FIFOs named ipclab-*, in /dev/shm, /dev/mqueue and /tmp.
set -uo pipefail

leftovers=()
for f in /dev/shm/ipclab-* /dev/mqueue/ipclab-* /tmp/ipclab-*; do
    [ -e "$f" ] && leftovers+=("$f")
done
# ipclab's System V keys all start with 0x1b: ftok's project id (kSysvProjectId, core/common/sysv_project_id.h).
for table in shm msg sem; do
    [ -r /proc/sysvipc/$table ] || continue
    while read -r key id _; do
        case "$(printf '0x%08x' "$key" 2>/dev/null)" in
        0x1b*) leftovers+=("System V $table id $id (key $(printf '0x%08x' "$key"))") ;;
        esac
    done < <(tail -n +2 /proc/sysvipc/$table)
done

if [ ${#leftovers[@]} -gt 0 ]; then
    echo "ipclab: IPC objects were left behind:" >&2
    printf '  %s\n' "${leftovers[@]}" >&2
    exit 1
fi
echo "ipclab: no IPC object left behind (System V tables, /dev/shm, /dev/mqueue, /tmp checked)."
