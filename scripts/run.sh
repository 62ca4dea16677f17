#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and open ipclab on its default scenario.
# Extra arguments go to the app. Idempotent; works as root and as a normal user (sudo for apt).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
./scripts/build.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "ipclab: no display found (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
    echo "        Start it from a desktop session, or try it headless: xvfb-run -a $0 $*" >&2
    exit 2
fi
exec ./build/dev/bin/ipclab "$@"
