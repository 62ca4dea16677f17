#!/usr/bin/env bash
# Configures (once) and builds the dev preset: every target, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f build/dev/build.ninja ]; then
    cmake --preset dev >/dev/null
fi
cmake --build --preset dev -j2
